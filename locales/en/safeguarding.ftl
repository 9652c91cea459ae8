# Replies to safeguarding rules (see safeguarding/*.yaml). These reach people in
# danger: put the number to call first, keep sentences short, check every number.

safeguarding-homeless =
    If you have nowhere safe to stay tonight, please call our homelessness team now on { -council-emergency-line }. The line is open 24 hours a day, every day.
    If you are in danger right now, call 999.
safeguarding-domestic-abuse =
    I'm sorry you're going through this. If you are in danger right now, call 999. If you can't speak, call 999 from a mobile and press 55 when asked.
    Live Fear Free, the free helpline for Wales, is open 24 hours a day on 0808 80 10 800.
safeguarding-self-harm =
    I'm really sorry you're feeling like this, and I'm glad you told me. If you have hurt yourself or might act on these thoughts, call 999 or go to A&E now.
    You can talk to Samaritans any time, for free, on 116 123.
safeguarding-gas-leak =
    If you smell gas, leave the building now. Don't use light switches, phones or anything electrical inside, and don't smoke or light anything. Open doors and windows on your way out and turn the gas off at the meter if you can.
    Then call the National Gas Emergency Service, free, day or night, on 0800 111 999.
