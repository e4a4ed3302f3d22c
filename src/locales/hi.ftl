# ग्राहक जो पढ़ते हैं, उनकी अपनी भाषा में: खाते का पेज, याद दिलाने का संदेश, टेलीग्राम अपडेट और विवरण की PDF।
# Money and dates arrive already formatted; counts are numbers, formatted by Fluent in hi (Latin digits).

## Balance, in the customer's words

you-owe = आपको { $shop } को { $amount } देने हैं
shop-owes-you = { $shop } को आपको { $amount } देने हैं
all-settled = { $shop } के साथ पूरा हिसाब बराबर है

## Share page

page-title = { $shop } पर { $customer } का खाता
page-heading = { $shop } पर आपका खाता
page-for = { $customer } के लिए
page-as-of = { $date } तक
page-recent = हाल की एंट्री
page-recent-none = अभी कोई एंट्री नहीं है।
page-col-date = तारीख़
page-col-what = एंट्री
page-col-note = नोट
page-col-balance = बैलेंस
page-gave = { $shop } ने आपको { $amount } उधार दिए
page-got = आपने { $amount } चुकाए
page-undone = (रद्द)
page-undo = (पहले की एक एंट्री रद्द करती है)
page-download = खाते का विवरण डाउनलोड करें (PDF)
page-updates = टेलीग्राम पर अपडेट पाएँ
page-updates-help = हर नई एंट्री आपको टेलीग्राम पर भेजी जाएगी, जब तक आप /stop न भेजें।
page-language = भाषा
page-footer = इस पेज पर सिर्फ़ आपका अपना खाता दिखता है। Mini Ledger में रखा गया।
page-gone-title = यह लिंक अब मान्य नहीं है
page-gone = दुकान ने यह लिंक बंद कर दिया है, या इसकी अवधि ख़त्म हो गई है। दुकान से नया लिंक माँगें।

## Reminder (the merchant sends it; the customer reads it)

reminder-owe = नमस्ते { $customer }, { $date } तक { $shop } पर आपका बकाया { $amount } है। विवरण: { $url }
reminder-owed = नमस्ते { $customer }, { $date } तक { $shop } को आपको { $amount } देने हैं। विवरण: { $url }
reminder-settled = नमस्ते { $customer }, { $date } तक { $shop } के साथ आपका पूरा हिसाब बराबर है। विवरण: { $url }

## Updates on Telegram

subscribed = { $shop } पर आपके खाते की हर नई एंट्री का संदेश आपको यहाँ मिलेगा। { $balance }। बंद करने के लिए /stop भेजें।
already-subscribed = आपको यहाँ पहले से { $shop } के अपडेट मिल रहे हैं। { $balance }।
update-gave = { $shop }: आपने { $amount } उधार लिए ({ $date })। { $balance }।
update-got = { $shop }: आपका { $amount } का भुगतान दर्ज हो गया ({ $date })। { $balance }।
update-undo-payment = { $shop }: { $amount } का एक भुगतान वापस लिया गया ({ $date })। { $balance }।
update-undo-credit = { $shop }: { $amount } का एक उधार वापस लिया गया ({ $date })। { $balance }।
update-import = { $shop }: आपके खाते में { $entries ->
        [one] { $entries } एंट्री जोड़ी गई
       *[other] { $entries } एंट्री जोड़ी गईं
    }। { $balance }।
update-page = आपका खाता: { $url }
stopped = अब आपको यहाँ कोई अपडेट नहीं मिलेगा।
stopped-none = इस चैट में कोई अपडेट नहीं आते।
subscribe-invalid = अपडेट का यह लिंक अनजान है, पहले इस्तेमाल हो चुका है या उसकी अवधि ख़त्म हो गई है। अपने खाते का पेज फिर से खोलें और "टेलीग्राम पर अपडेट पाएँ" दबाएँ।
subscribe-private-only = अपडेट सिर्फ़ निजी चैट में भेजे जाते हैं: लिंक को बॉट के साथ अपनी चैट में खोलें।

## Statement PDF (the merchant's document: "you" is the shop)

statement-title = खाते का विवरण
statement-customer = ग्राहक
statement-phone = फ़ोन
statement-period = अवधि
statement-opening = शुरुआती बैलेंस
statement-closing = आख़िरी बैलेंस
statement-date = तारीख़
statement-note = नोट
statement-gave = आपने दिए
statement-got = आपको मिले
statement-balance = बैलेंस
statement-reversal = #{ $id } का उलटा
statement-undone = #{ $id } से रद्द
statement-page = पृष्ठ { $page }/{ $pages }
statement-generated = बनाया गया: { $date }
statement-totals = कुल
statement-chart-title = दिए, मिले और बैलेंस
statement-no-entries = इस अवधि में कोई एंट्री नहीं
