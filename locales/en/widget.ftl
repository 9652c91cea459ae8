# The resident widget's own words (docs/widget.md): its buttons, labels and
# states. What the bot says is in bot.ftl. `{ $name }` and `{ $title }` are
# filled in by the widget itself.

widget-launcher = Chat with us
widget-title = { -council-name }
widget-automated = You're talking to an automated assistant, not a person. You can ask for a person at any time.
widget-close = Close
widget-end-chat = End chat
widget-ended = You ended the chat. It has been cleared from this browser.
widget-new-chat = Start a new chat
widget-log-label = Conversation
widget-input-label = Your message
widget-send = Send
widget-language-label = Language
widget-language-auto = Follow my messages
widget-you = You
widget-assistant = Assistant
# A member of staff's messages; $name is their name.
widget-agent = { $name }, council staff
# A link to the page an answer came from; $title is the page's title.
widget-source = Source: { $title }
widget-new-tab = (opens in a new tab)
widget-connecting = Connecting…
widget-reconnecting = Connection lost. Reconnecting…
widget-unsent = Not sent yet: it will be sent when the connection is back.
widget-offline = The chat isn't available at the moment. You can call us on { -council-phone } ({ -council-hours }) or email { -council-email }.
widget-retry = Try again
# The council's contact details, for the links under the offline notice.
widget-contact-phone = { -council-phone }
widget-contact-email = { -council-email }
