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
