# Glanafon County Council, the demo council: its name and contact details in
# Arabic. Other messages use these terms, e.g. { -council-phone }. Phone numbers
# are in Ofcom's range for drama (01632 960xxx): a real council puts its own here.

-council-name = مجلس مقاطعة غلانافون
-council-phone = 01632 960 100
-council-email = contact@glanafon.example
-council-website = https://www.glanafon.example
-council-hours = من الاثنين إلى الجمعة، من 8:30 صباحًا حتى 5 مساءً
# Staffed day and night for emergencies: homelessness, dangerous structures, flooding.
-council-emergency-line = 01632 960 999

language-name = العربية
