# Errors residents may see in the chat window. Say what happened and what to do;
# never blame the resident.

error-malformed-json = Sorry, that message didn't reach me properly. Please try sending it again.
error-unknown-frame-type = Sorry, this chat window sent something I don't understand ("{ $type }"). Reloading the page usually fixes it.
error-invalid-frame = Sorry, that message didn't reach me properly. Please try sending it again.
error-invalid-utf8 = Sorry, that message had characters I couldn't read. Please try typing it again.
error-message-empty = Your message was empty. Please type your question and send it again.
error-message-too-long = That message is too long for me. Please keep it under { $limit } characters, or split it into shorter messages.
error-binary-not-supported = Sorry, I can only read text messages here, not files or pictures.
error-rate-limited = You're sending messages faster than I can answer. Please wait a few seconds and try again.
error-hello-required = Sorry, the chat didn't start properly. Reloading the page usually fixes it.
error-unsupported-version = Sorry, this chat window is out of date (version { $version }). Please reload the page.
error-replaced = This conversation is now open in another window, so this one has stopped.
error-internal = Sorry, something went wrong on our side. Please try again in a moment, or call { -council-phone }.
