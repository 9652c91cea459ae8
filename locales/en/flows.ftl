# What flows say whatever the intent: buttons, corrections, commands, and the
# words answers are read with. The lists at the end are comma-separated; `|`
# separates other ways of writing the same item (the first is shown in dates).

button-yes = Yes
button-no = No
button-cancel = Cancel
button-carry-on = Carry on

flow-cancelled = OK, I've cancelled that. Is there anything else I can help with?
flow-restarted = No problem, let's start again.
flow-confirm-no = No problem, let's go through it again.
flow-switch-offer = It sounds like you'd like help with “{ $other }”. Shall we do that instead of “{ $current }”?
flow-action-failed = Sorry, I couldn't save that just now. Please try again in a few minutes, or speak to a member of staff.
intent-clarify = Sorry, I'm not quite sure which you mean. Is it one of these?
command-nothing-to-cancel = There's nothing to cancel. What can I help you with?
command-choose-language = Which language would you like to use?
slot-too-many-tries = I'm having trouble with that answer. Would you like to speak to a member of staff, or cancel for now?

slot-invalid-text = Sorry, I need a few words to go on. Could you type your answer?
slot-invalid-number = Sorry, I need a number for that, like 3.
slot-invalid-number-range = That number needs to be between { $min } and { $max }.
slot-invalid-date = Sorry, I couldn't read that as a date. You can write it like 14/03/2026 or 14 March, or say "yesterday".
slot-invalid-date-future = That date is in the future. Please give today's date or an earlier one.
slot-invalid-date-past = That date has already passed. Please give today's date or a later one.
slot-invalid-time = Sorry, I couldn't read that as a time. You can write it like 14:30 or 2.30pm.
slot-invalid-postcode = That doesn't look like a UK postcode. It should look like CF10 3AB.
slot-invalid-email = That doesn't look like an email address. It should look like name@example.com.
slot-invalid-phone = That doesn't look like a UK phone number. Please give the whole number, like 07700 900123.
slot-invalid-choice = Sorry, I didn't catch which one. Please choose one of the options.
slot-invalid-yes-no = Sorry, was that a yes or a no?
slot-invalid-reference = That doesn't look like one of our reference numbers. They look like CB-7K3Q-9X.

case-status-open = received and waiting to be dealt with
case-status-in-progress = being dealt with now
case-status-closed = closed

answer-yes = yes, yeah, yep, yes please, y, ok, okay, sure, correct, that's right, that is right, confirm, go ahead
answer-no = no, nope, n, no thanks, not really, wrong, incorrect, that's wrong, that is wrong
date-today = today, this morning, this afternoon, tonight
date-yesterday = yesterday, last night
date-tomorrow = tomorrow
date-months = January|jan, February|feb, March|mar, April|apr, May, June|jun, July|jul, August|aug, September|sep|sept, October|oct, November|nov, December|dec
date-weekdays = Monday|mon, Tuesday|tue|tues, Wednesday|wed, Thursday|thu|thur|thurs, Friday|fri, Saturday|sat, Sunday|sun
