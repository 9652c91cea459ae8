# What the bot says in English. Keep the tone warm, plain and short: residents
# read these on a phone, often when something has gone wrong.

greeting =
    Hello! I'm { -council-name }'s automated assistant, here day and night.
    Ask me about bins, council tax, parking, housing or anything else, in your own words. You can also ask to speak to a person.

language-changed = No problem, I'll carry on in { $language }.
language-auto = I'll reply in whichever of our languages you write in.
language-not-available = Sorry, I can't chat in "{ $code }" yet, so I'll carry on in English.

fallback-not-sure = Sorry, I'm not sure I understood that. Could you put it another way? Short questions work best, like "When is my bin collected?"
fallback-offer-person = I'm still not sure how to help with that. Would you like to speak to a member of staff?
button-speak-to-person = Speak to a person

handoff-contact = Our customer service team can help. Call { -council-phone } ({ -council-hours }) or email { -council-email }. For an emergency outside those hours, call { -council-emergency-line }.

resume-not-found = I couldn't find your earlier conversation (it may have expired), so we're starting a new one.

# After an answer from the council's FAQ pages. $date is written with the
# month's name from `date-months`, like 14 March 2026.
faq-reviewed = Last checked by the council on { $date }.
# Before an answer that exists only in another language. $language is that
# language's own name (English, Cymraeg); $code is its code (en, cy), for
# choosing how to say it.
faq-in-other-language = This answer is only available in { $language }, so here it is in { $language }.

# Speaking to a person. $position is the resident's place in the queue (1 is
# next), $minutes the estimated wait, $name the member of staff's name.
handoff-queued = I'm passing you to a member of our team. You're number { $position } in the queue, and the wait is about { $minutes } min. You can keep writing here: they'll see everything when they join.
handoff-place = You're number { $position } in the queue. Estimated wait: { $minutes } min.
handoff-agent-joined = { $name } from the council has joined the chat.
handoff-handed-back = { $name } has passed you back to the automated assistant. Ask me anything, or ask for a person again at any time.
handoff-closed = { $name } has ended the chat. Thank you for contacting us. If you need anything else, just ask.
handoff-agent-lost = We've lost the connection to { $name }, so you're back in the queue. You won't lose your place for long: someone will pick up your chat soon.
handoff-transferred = { $name } has passed your chat to colleagues who deal with this. You're back in the queue, and one of them will join you soon.
handoff-left-queue = You've left the queue. I'm here if you need anything else.
handoff-left-chat = You've ended the chat with { $name }. I'm here if you need anything else.
handoff-already-waiting = You're already in the queue for a member of staff. They'll be with you as soon as they can.
handoff-already-with-agent = You're talking to { $name } from the council now. Type "cancel" to end the chat.
handoff-ended-away = Your chat with our team ended while you were away. I'm here if you need anything else.
handoff-unavailable-closed = Our team isn't available to chat right now (we're here { -council-hours }).
handoff-unavailable-busy = Sorry, no one in our team can chat right now.
handoff-unavailable-error = Sorry, I can't connect you to our team right now.
