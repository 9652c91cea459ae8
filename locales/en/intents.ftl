# What the demo council's intents say (see intents/*.yaml). Titles label
# buttons; prompts ask one question each; confirmations repeat the answers.

intent-greeting-title = Say hello
intent-greeting-reply = Hello! What can I help you with today? You can ask about bins, council tax, potholes, parking permits, housing repairs and more.

intent-thanks-title = Say thank you
intent-thanks-reply = You're welcome. If there's anything else, just ask. Take care!

intent-speak-to-person-title = Speak to a person

intent-pay-council-tax-title = Pay council tax
intent-pay-council-tax-reply =
    You can pay your council tax:
    • online with a debit or credit card, any time;
    • by Direct Debit on the 1st, 15th or 28th of the month, which is the easiest way to never miss a payment;
    • by phone on our 24-hour automated line, { -council-phone }, option 1;
    • in cash at any Post Office or PayPoint, using the barcode on your bill.
    If you're finding it hard to pay, please contact us early: we can often spread the cost.
intent-pay-council-tax-link = Pay your council tax online

intent-parking-permit-title = Parking permits
intent-parking-permit-ask-kind = Is this a new residents' parking permit, or are you renewing one you already have?
intent-parking-permit-new = A new permit
intent-parking-permit-renew = Renew my permit
intent-parking-permit-new-reply = You can apply online if you live in one of our residents' parking zones. You'll need your vehicle registration number and proof of your address, such as a council tax bill. A permit costs £45 a year, and we usually post it within 5 working days.
intent-parking-permit-new-link = Apply for a residents' parking permit
intent-parking-permit-renew-reply = We email a reminder a month before your permit runs out. You can renew online with your permit number; if your vehicle or address has changed, please tell us when you renew.
intent-parking-permit-renew-link = Renew your parking permit

intent-library-hours-title = Library opening hours
intent-library-hours-ask-branch = Which library would you like the opening hours for?
intent-library-hours-central = Glanafon Central Library
intent-library-hours-llanfair = Llanfair Library
intent-library-hours-pontglas = Pontglas Library
intent-library-hours-central-reply = Glanafon Central Library is open Monday to Friday 9am to 7pm, Saturday 9am to 5pm, and Sunday 11am to 3pm.
intent-library-hours-llanfair-reply = Llanfair Library is open Monday, Wednesday and Friday 9:30am to 5pm, and Saturday 9:30am to 1pm.
intent-library-hours-pontglas-reply = Pontglas Library is open Tuesday and Thursday 10am to 6pm, and Saturday 10am to 1pm.
intent-library-hours-link = Library opening hours and bank holidays

intent-report-pothole-title = Report a pothole
intent-report-pothole-ask-location = Where is the pothole? Please give the street name and a nearby house number or landmark.
intent-report-pothole-ask-description = Please describe it: roughly how big and deep it is, and whether it's in the road or on the pavement.
intent-report-pothole-confirm = I'll report a pothole at { $location }, described as “{ $description }”. Is that right?
intent-report-pothole-done = Thank you, your report is logged. Your reference is { $reference }. Our highways team inspects potholes within 5 working days, and dangerous ones within 24 hours.

intent-missed-bin-title = Report a missed bin
intent-missed-bin-ask-postcode = Sorry your bin was missed. What's your postcode?
intent-missed-bin-ask-day = Which day should it have been collected?
intent-missed-bin-ask-bin = Which bin was missed?
intent-missed-bin-general = General waste (black bin)
intent-missed-bin-recycling = Recycling (blue box)
intent-missed-bin-garden = Garden waste (green bin)
intent-missed-bin-food = Food waste caddy
intent-missed-bin-confirm = So your { $bin } at { $postcode } wasn't collected on { $day }. Is that right?
intent-missed-bin-done = Thanks, I've reported it. Your reference is { $reference }. We'll come back for it within 2 working days, so please leave it out where you usually do.

intent-noise-complaint-title = Report noise
intent-noise-complaint-ask-kind = I'm sorry you're being disturbed. What kind of noise is it?
intent-noise-complaint-music = Loud music or parties
intent-noise-complaint-dog = A barking dog
intent-noise-complaint-building = Building work
intent-noise-complaint-alarm = An alarm
intent-noise-complaint-other = Something else
intent-noise-complaint-ask-address = Where is the noise coming from? A street and house number if you know it.
intent-noise-complaint-ask-times = When does it usually happen? For example "most nights after 11pm".
intent-noise-complaint-ask-contact = May one of our officers contact you about it?
intent-noise-complaint-ask-phone = What's the best phone number to reach you on?
intent-noise-complaint-confirm = I'll report { $kind } at { $address }, happening { $times }. Is that right?
intent-noise-complaint-done = Thank you. Your complaint is logged with reference { $reference }, and an officer will look at it within 5 working days. If the noise is serious and happening now, you can call our out-of-hours line on { -council-emergency-line }.

intent-housing-repair-title = Council home repair
intent-housing-repair-ask-emergency = First, is it one of these emergencies?
intent-housing-repair-heating = No heating or hot water
intent-housing-repair-flooding = Flooding or a major leak
intent-housing-repair-electrics = Unsafe electrics or exposed wires
intent-housing-repair-none = None of these
intent-housing-repair-urgent = That needs an urgent repair, so please call our emergency repairs line now on { -council-emergency-line }. It's open 24 hours a day. If you're in danger, or you smell gas, call 999.
intent-housing-repair-ask-address = What's the address of the home that needs the repair?
intent-housing-repair-ask-problem = What needs repairing? Please describe the problem and which room it's in.
intent-housing-repair-ask-access = When could we get in to do the repair? For example "weekday mornings".
intent-housing-repair-confirm = I'll request a repair at { $address }: “{ $problem }”, with access { $access }. Is that right?
intent-housing-repair-done = Thank you. Your repair request is logged with reference { $reference }. We'll contact you within 3 working days to book a time.

intent-case-status-title = Check a report
intent-case-status-ask-reference = What's your reference number? It looks like CB-7K3Q-9X.
intent-case-status-found = Your report { $reference } ({ $topic }) was received on { $date } and is { $status }.
intent-case-status-not-found = I couldn't find a report with reference { $reference }. Please check the number, or speak to a member of staff.

intent-leave-a-message-title = Leave a message
intent-leave-a-message-ask-wants = Would you like to leave a message? Someone from our team will get back to you by phone or email.
intent-leave-a-message-ask-name = What's your name?
intent-leave-a-message-ask-how = How should we contact you?
intent-leave-a-message-phone = By phone
intent-leave-a-message-email = By email
intent-leave-a-message-ask-phone = What number should we call?
intent-leave-a-message-ask-email = What email address should we write to?
intent-leave-a-message-ask-question = What would you like help with? Tell us as much as you can.
intent-leave-a-message-ask-consent = May we keep these details and use them to contact you about this? We use them for nothing else.
intent-leave-a-message-no-consent = No problem: I haven't kept your details. You can still contact us yourself: call { -council-phone } ({ -council-hours }) or email { -council-email }.
intent-leave-a-message-done = Thank you, { $name }. Your message is with our team, reference { $reference }. We'll get back to you within 2 working days. Please keep the reference in case you need to contact us.
