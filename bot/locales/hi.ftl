# Hindi (hi) — Mini Ledger bot. Money arrives formatted ($amount, $balance, …); names and notes as typed.

## Start, help and linking

welcome =
    नमस्ते! मैं छोटी दुकान के ग्राहकों का खाता रखता हूँ।
    नीचे दिए बटन से अपनी दुकान का अकाउंट बनाएँ, या इस चैट को अपने मौजूदा अकाउंट से जोड़ें: /link <आपका API टोकन> (POST /api/auth/login/ से मिला टोकन)।
    फिर: उधार देने पर /credit राम 500, पैसे मिलने पर /debit राम 200। सारे कमांड देखने के लिए /help भेजें।
welcome-group = नमस्ते! मैं दुकान के ग्राहकों का खाता रखता हूँ, पर सिर्फ़ दुकानदार के साथ प्राइवेट चैट में: शुरू करने के लिए मेरे साथ प्राइवेट चैट खोलें।
start-linked = इस चैट में व्यापारी { $username } का खाता रखा जाता है। मैं क्या-क्या कर सकता हूँ, यह देखने के लिए /help भेजें।
button-create-account = मेरी दुकान का अकाउंट बनाएँ
account-created =
    आपकी दुकान का अकाउंट { $username } तैयार है, और इसका खाता इसी चैट में रखा जाएगा।
    आज़माकर देखें: /add राम, फिर /credit राम 500। REST API के लिए /token भेजें; पासवर्ड से लॉग इन करने के लिए /password <नया पासवर्ड> भेजें।
account-already-linked = यह चैट पहले से व्यापारी { $username } से जुड़ी है।
account-private-only = दुकान का अकाउंट सिर्फ़ मेरे साथ प्राइवेट चैट में बनता है।

help-intro = मैं आपके ग्राहकों का खाता रखता हूँ। कमांड:
help-line = /{ $command }: { $description }। उदाहरण: { $example }
help-outro =
    नाम में स्पेस हो सकते हैं; जिस नाम में अंक हों, उसे कोट्स में लिखें ("दुकान 2")। रकम ऐसे लिखें: 500, ५००, 1,250.50 या ₹1,25,000; रकम के बाद तारीख भी लिख सकते हैं (आज, कल, 01/12/2026)। बिना कमांड की लाइन, जैसे "राम 500 चाय", भेजने पर मैं पूछूँगा कि आपने दिए या आपको मिले।
    एक मैसेज में कई लाइनें हों तो मैं उन्हें एक-एक करके पढ़ता हूँ।

command-link = इस चैट को अपने व्यापारी अकाउंट से जोड़ें
command-customers = बैलेंस के हिसाब से ग्राहक, सबसे ज़्यादा वाले पहले
command-add = नया ग्राहक जोड़ें
command-credit = आपने दिए (उधार): ग्राहक का बकाया बढ़ेगा
command-debit = आपको मिले (जमा): ग्राहक से भुगतान मिला
command-summary = एक ग्राहक का कुल हिसाब, या सभी ग्राहकों का
command-history = एक ग्राहक की आखिरी एंट्रियाँ (संख्या न दें तो 10)
command-statement = एक ग्राहक का स्टेटमेंट PDF में: किसी अवधि की एंट्रियाँ, चालू बैलेंस के साथ
command-chart = समय के साथ एक ग्राहक का बैलेंस, तस्वीर में
command-dues = किससे सबसे ज़्यादा लेने हैं, कब से और कितने दिनों से (किसे देने हैं: /dues give)
command-export = आपका पूरा खाता, एक CSV फ़ाइल में
command-remind = ग्राहक को भेजने के लिए याद दिलाने का संदेश: उसका बैलेंस और उसके खाते के पेज का लिंक
command-shopname = दुकान का वह नाम जो आपके ग्राहक देखते हैं
command-language = वह भाषा जिसमें मैं जवाब देता हूँ, और अंक किस लिपि में लिखूँ
command-currency = आपकी रकम किस मुद्रा में दिखे, जैसे /currency INR
command-undo = इस चैट से लिखी आखिरी एंट्री रद्द करें
command-token = REST क्लाइंट के लिए नया API टोकन
command-password = API से लॉग इन के लिए पासवर्ड सेट करें
command-unlink = इस चैट को खाते से अलग करें
command-help = मैं क्या-क्या कर सकता हूँ

# /help examples: each, sent back as it is (one side of "or"), does what /help says.
example-link = /link <आपका API टोकन>
example-customers = /customers या /customers रा
example-add = /add राम कुमार +919812345678
example-credit = /credit राम कुमार 1,250.50 चावल और तेल
example-debit = /debit "अली ख़ान" 200 कल नकद
example-summary = /summary राम या /summary
example-history = /history राम 5
example-statement = /statement राम पिछले महीने
example-chart = /chart राम
example-dues = /dues या /dues give
example-export = /export
example-remind = /remind राम
example-shopname = /shopname शर्मा किराना स्टोर
example-language = /language या /language hi
example-currency = /currency INR
example-undo = /undo
example-token = /token या /token revoke
example-password = /password <नया पासवर्ड>
example-unlink = /unlink
example-help = /help

link-usage = इस्तेमाल: /link <आपका API टोकन> (मेरे साथ प्राइवेट चैट में)
linked = जुड़ गया: अब इस चैट में व्यापारी { $username } का खाता रखा जाएगा। आज़माकर देखें /credit राम 500 या /help
link-not-deleted = मैं आपका मैसेज डिलीट नहीं कर पाया, इसलिए टोकन अब भी इस चैट में दिख रहा है। उस टोकन को लॉग आउट करें (उसी के साथ POST /api/auth/logout/) और नया टोकन इस्तेमाल करें।
unlinked = अलग कर दिया: अब यह चैट आपके खाते तक नहीं पहुँचती।
not-linked-before = यह चैट किसी खाते से जुड़ी नहीं थी।
how-to-link = यह चैट अभी किसी व्यापारी से नहीं जुड़ी है, इसलिए कुछ नहीं बदला। मेरे साथ प्राइवेट चैट में दुकान का अकाउंट बनाने के लिए /start भेजें, या /link <आपका API टोकन> (POST /api/auth/login/ से), या POST /api/telegram/link-code/ से मिला लिंक खोलें।
link-ended-logged-out = यह चैट अलग कर दी गई, क्योंकि जिस टोकन से यह जुड़ी थी वह लॉग आउट हो गया।
link-ended-removed = यह चैट अलग कर दी गई, क्योंकि व्यापारी ने इसे API से हटा दिया।
link-only-private = खाता सिर्फ़ प्राइवेट चैट से जोड़ा जा सकता है: ग्रुप में हर सदस्य उसे पढ़ और बदल सकता।
link-too-many = इस चैट से जोड़ने की बहुत सारी कोशिशें नाकाम रहीं; एक मिनट रुकें।

token-issued =
    आपका नया API टोकन (सिर्फ़ एक बार दिखेगा; { $minutes } मिनट में मैं यह मैसेज डिलीट कर दूँगा):
    { $token }
    इसे Authorization: Token <token> हेडर में भेजें। /token revoke भेजने पर यहाँ बने टोकन लॉग आउट हो जाएँगे।
token-revoked = { $count ->
    [0] /token से बना कोई टोकन चालू नहीं था।
    [one] /token से बना { $count } टोकन लॉग आउट किया।
   *[other] /token से बने { $count } टोकन लॉग आउट किए।
  }
token-usage = इस्तेमाल: /token (नया API टोकन), या /token revoke (/token से बने टोकन लॉग आउट करें)
password-usage = इस्तेमाल: /password <नया पासवर्ड> (8 से 128 अक्षर; मैसेज मैं तुरंत डिलीट कर दूँगा)
password-set = पासवर्ड सेट हो गया। POST /api/auth/login/ से { $username } के नाम से लॉग इन करें।
password-not-deleted = मैं आपका मैसेज डिलीट नहीं कर पाया, इसलिए पासवर्ड अब भी इस चैट में दिख रहा है: कोई दूसरा पासवर्ड सेट करें।
private-only = यह सिर्फ़ मेरे साथ प्राइवेट चैट में काम करता है।

## Customers

customers-none = अभी कोई ग्राहक नहीं है। एक जोड़ें: /add राम
customers-none-matching = किसी ग्राहक के नाम में "{ $search }" नहीं है।
customers-title = बैलेंस के हिसाब से ग्राहक (ज़्यादा से कम):
customers-title-page = बैलेंस के हिसाब से ग्राहक (ज़्यादा से कम), पेज { $page }/{ $pages }:
customer-line = { $position }. { $name }: { $balance }
add-usage = इस्तेमाल: /add <नाम> [फ़ोन], जैसे /add राम कुमार +919812345678
added = { $name }{ $phone } जोड़ दिया। खाते में लिखने के लिए भेजें: { $hint }
already-added = { $name }{ $phone } पहले ही जोड़ा जा चुका है। खाते में लिखने के लिए भेजें: { $hint }
add-exists = "{ $name }" नाम का ग्राहक पहले से है। उसी को लें, या इसी नाम से एक और जोड़ें?
button-use-existing = पहले वाला: { $name } ({ $balance })
button-add-another = एक और { $name } जोड़ें
add-used-existing = { $name } पहले से आपके खाते में हैं ({ $balance })। खाते में लिखने के लिए भेजें: { $hint }

## Entries

credit-usage = इस्तेमाल: /credit <नाम> <रकम> [तारीख] [नोट], जैसे /credit राम 500 चावल
debit-usage = इस्तेमाल: /debit <नाम> <रकम> [तारीख] [नोट], जैसे /debit राम 200 नकद
recorded = लिख लिया: { $what } — { $name }{ $note }{ $date }
already-recorded = पहले ही लिखा जा चुका है: { $what } — { $name }{ $note }{ $date }
balance-owes-you = { $name } से आपको { $amount } लेने हैं।
balance-you-owe = आपको { $name } को { $amount } देने हैं।
balance-settled = { $name } का हिसाब बराबर है (0.00)।
entry-credit = उधार { $amount } (आपने दिए)
entry-debit = जमा { $amount } (आपको मिले)
entry-credit-short = उधार { $amount }
entry-debit-short = जमा { $amount }
entry-on-date = , तारीख { $date }
button-undo = रद्द करें
ask-which = { $question }
ask-line-reads-two-ways = इस लाइन के एक से ज़्यादा मतलब निकलते हैं। आपका मतलब क्या था? जब तक आप नहीं चुनते, कुछ नहीं लिखा जाएगा।
ask-same-name = "{ $name }" नाम के एक से ज़्यादा ग्राहक हैं। आपका मतलब किससे था? जब तक आप नहीं चुनते, कुछ नहीं लिखा जाएगा।
ask-no-such-customer = { $names } नाम का कोई ग्राहक नहीं है। आपका मतलब किससे था? जब तक आप नहीं चुनते, कुछ नहीं लिखा जाएगा।
button-option-customer = { $name } · { $amount }{ $extra }
button-option-add = { $name } जोड़ें · { $amount }{ $extra }
quick-ask = { $name } · { $amount }{ $extra }: आपने दिए या आपको मिले?
button-gave = आपने { $name } को { $amount } दिए
button-got = आपको { $name } से { $amount } मिले
button-cancel = रहने दें
cancelled = ठीक है, कुछ नहीं बदला।
choice-expired = इस सवाल का समय निकल गया। कृपया कमांड दोबारा भेजें।
choice-cancelled = यह सवाल रद्द हो गया; कुछ नहीं लिखा गया। कमांड दोबारा भेजें।
choice-other-link = यह सवाल इस चैट के पिछले जुड़ाव के समय पूछा गया था; कुछ नहीं लिखा गया। कमांड दोबारा भेजें।
choice-used = इस सवाल का जवाब पहले ही दिया जा चुका है।
not-an-amount = "{ $token }" रकम नहीं है। रकम ऐसे लिखें: 500, ५००, 1,250.50 या ₹1,25,000 — 0 से ज़्यादा, दशमलव के बाद ज़्यादा से ज़्यादा 2 अंक।
not-a-date = "{ $token }" तारीख नहीं है। तारीख ऐसे लिखें: 2026-12-01, 01/12/2026 (पहले दिन, फिर महीना), आज या कल (बीता हुआ)।
name-unclosed = { $open } से शुरू होने वाले नाम के आख़िर में { $close } नहीं है।
too-many-lines = एक मैसेज में ज़्यादा से ज़्यादा { $max } लाइनें हो सकती हैं; कुछ नहीं पढ़ा गया। छोटे-छोटे मैसेज में भेजें।

## Edits

edit-not-read = मैसेज एडिट करने से खाता नहीं बदलता: कुछ नहीं बदला। सुधारी हुई लाइन नए मैसेज में भेजें।
edit-original-posted = मैसेज एडिट करने से खाता नहीं बदलता। आपके पहले मैसेज से { $name } के खाते में { $what } लिखा गया था (एंट्री #{ $entry })।
edit-offer = सुधारी हुई लाइन को नई एंट्री के रूप में लिखूँ?
button-post-corrected = { $name } के खाते में { $what } लिखें

## Summary and history

summary-customer =
    { $name }
    आपने दिए (उधार): { $gave }
    आपको मिले (जमा): { $got }
    बैलेंस: { $balance } — { $phrase }
summary-undone-left-out = रद्द की गई एंट्रियाँ और उन्हें काटने वाली एंट्रियाँ "दिए" और "मिले" के जोड़ में नहीं गिनी गईं ({ $amount })।
summary-overall =
    ग्राहक: { $count }
    आपको लेने हैं: { $get }, { $owing ->
        [one] { $owing } ग्राहक से
       *[other] { $owing } ग्राहकों से
    }
    आपको देने हैं: { $give }, { $owed ->
        [one] { $owed } ग्राहक को
       *[other] { $owed } ग्राहकों को
    }
    नेट: { $net }
summary-net-get = { $amount } लेने हैं
summary-net-give = { $amount } देने हैं
summary-net-zero = 0.00, सब हिसाब बराबर
summary-owe-you = जिनसे सबसे ज़्यादा लेने हैं:
summary-you-owe = जिन्हें सबसे ज़्यादा देने हैं:
summary-more = …और { $count } ग्राहक: सबकी सूची के लिए /customers भेजें।
history-usage = इस्तेमाल: /history <नाम> [संख्या], जैसे /history राम 5
history-count = एंट्रियों की संख्या 1 से { $max } तक होनी चाहिए।
history-none = { $name } की अभी कोई एंट्री नहीं है।
history-title = { $name } की { $count ->
        [one] आखिरी { $count } एंट्री
       *[other] आखिरी { $count } एंट्रियाँ
    }, नई से पुरानी:
history-title-page = { $name } की { $count ->
        [one] आखिरी { $count } एंट्री
       *[other] आखिरी { $count } एंट्रियाँ
    }, नई से पुरानी (पेज { $page }/{ $pages }):
history-line = { $date } #{ $id } { $what }{ $mark }{ $note }
history-undone = {" "}(#{ $by } से रद्द)
history-undoes = {" "}(#{ $of } को रद्द करने वाली एंट्री)
no-customer-named = "{ $name }" नाम का कोई ग्राहक नहीं है। सबकी सूची के लिए /customers भेजें।
several-match = "{ $name }" से कई ग्राहक मिलते हैं{ $more }। कौन-सा ग्राहक?
several-match-more = {" "}({ $shown } दिखा रहा हूँ; छाँटने के लिए नाम का और हिस्सा लिखें)
button-previous = ◀ पिछला
button-next = अगला ▶

## Statements, charts, dues, export

statement-usage = इस्तेमाल: /statement <नाम> [इस महीने | पिछले महीने | शुरू की तारीख [आखिरी तारीख]], जैसे /statement राम पिछले महीने या /statement राम 2026-11-01 2026-11-30
chart-usage = इस्तेमाल: /chart <नाम> [इस महीने | पिछले महीने | शुरू की तारीख [आखिरी तारीख]], जैसे /chart राम
statement-caption =
    { $name } का स्टेटमेंट, { $from } – { $to }
    शुरुआती बैलेंस: { $opening }
    आपने दिए: { $gave } · आपको मिले: { $got }
    आखिरी बैलेंस: { $closing }
chart-caption = { $name }, { $from } – { $to }: बैलेंस { $closing }
button-statement = स्टेटमेंट
button-chart = चार्ट
button-statement-of = 📄 { $name }
dues-usage = इस्तेमाल: /dues (किससे लेने हैं) या /dues give (किसे देने हैं)
dues-none-get = किसी से कुछ लेना बाकी नहीं है।
dues-none-give = आपको किसी को कुछ नहीं देना है।
dues-title-get = आपको लेने हैं { $total } ({ $count ->
        [one] { $count } ग्राहक से
       *[other] { $count } ग्राहकों से
    }), ज़्यादा से कम:
dues-title-give = आपको देने हैं { $total } ({ $count ->
        [one] { $count } ग्राहक को
       *[other] { $count } ग्राहकों को
    }), ज़्यादा से कम:
dues-line = { $position }. { $name }: { $balance }; { $paid }; { $ages }
dues-age = { $days } दिन: { $amount }
dues-never-paid = कभी भुगतान नहीं हुआ
dues-last-paid = आखिरी भुगतान { $days ->
        [0] आज
        [one] { $days } दिन पहले
       *[other] { $days } दिन पहले
    }
dues-more = …और { $count } ग्राहक (सबकी सूची API में: /api/reports/dues/)।
export-caption = आपका पूरा खाता: हर एंट्री एक पंक्ति में (ग्राहक, फ़ोन, तारीख, प्रकार, रकम, नोट)। इसे किसी दूसरे अकाउंट में डालने के लिए POST /api/import/ पर भेजें।

## Reminders and the shop's name

remind-usage = इस्तेमाल: /remind <नाम>, जैसे /remind राम
button-share-telegram = टेलीग्राम पर भेजें
button-whatsapp = व्हाट्सऐप
button-copy-link = लिंक कॉपी करें
button-remind = 🔔 याद दिलाएँ
shopname-is = आपके ग्राहक आपकी दुकान का नाम "{ $name }" देखते हैं। बदलने के लिए: /shopname <नाम>
shopname-set = अब आपके ग्राहक दुकान का नाम "{ $name }" देखेंगे।
summary-subscribers = { $count ->
        [one] { $count } चैट को टेलीग्राम पर इस खाते की खबर मिलती है।
       *[other] { $count } चैटों को टेलीग्राम पर इस खाते की खबर मिलती है।
    }

## Undo

undo-ask = { $name } की एंट्री #{ $entry } रद्द करें: { $what }?
button-undo-confirm = हाँ, रद्द करें
undone = रद्द हो गई: एंट्री #{ $entry } को काटने के लिए { $name } के खाते में { $what } लिखा गया।
nothing-to-undo = इस चैट से लिखी कोई एंट्री रद्द करने के लिए बाकी नहीं है।
undo-done-toast = रद्द हो गई

## Errors

error-invalid-token = यह टोकन नहीं माना गया। नया टोकन पाने के लिए फिर से लॉग इन करें, फिर /link <टोकन> भेजें।
error-already-reversed = यह एंट्री पहले ही रद्द हो चुकी है; कुछ नहीं बदला।
error-cannot-reverse-reversal = यह एंट्री खुद एक रद्द करने वाली एंट्री है, इसे रद्द नहीं किया जा सकता।
error-customer-not-found = यह ग्राहक अब मौजूद नहीं है।
error-entry-not-found = यह एंट्री अब मौजूद नहीं है।
error-key-reused = यह कमांड पहले ही किसी दूसरे विकल्प के साथ पूरा हो चुका है; कुछ नहीं बदला।
error-invalid-link-code = यह लिंक कोड अनजान है, पहले इस्तेमाल हो चुका है, या इसकी मियाद खत्म हो गई है।
button-no-longer-valid = यह बटन अब काम नहीं करता।
apology = माफ़ कीजिए, हमारी तरफ़ कुछ गड़बड़ हो गई। थोड़ी देर बाद फिर कोशिश करें।
unknown-command = यह कमांड मुझे नहीं पता। मैं क्या-क्या कर सकता हूँ, यह देखने के लिए /help भेजें।
send-a-command = मुझे कोई कमांड भेजें, जैसे /credit राम 500। सारे कमांड देखने के लिए /help भेजें।
text-only = मैं सिर्फ़ लिखे हुए कमांड पढ़ता हूँ। सारे कमांड देखने के लिए /help भेजें।

## /language and /currency

language-choose = मैं अभी { $language } में जवाब देता हूँ। भाषा चुनें (বাংলা या हिन्दी के लिए अंक भी):
language-set = अब से इस चैट में मैं { $language } में जवाब दूँगा।
digits-set = अब संख्याएँ ऐसी दिखेंगी: { $sample }
currency-is = रकम { $currency } में दिखाई जाती है: { $sample }। बदलने के लिए /currency <कोड>, या हटाने के लिए /currency none भेजें।
currency-none = कोई मुद्रा तय नहीं है: रकम सिर्फ़ संख्या के रूप में दिखती है। तय करने के लिए /currency <कोड> भेजें, जैसे /currency INR या /currency BDT।
currency-set = अब से रकम { $currency } में दिखेगी: { $sample }। कुछ भी बदला (कन्वर्ट) नहीं जाता।
currency-cleared = अब से कोई मुद्रा नहीं: रकम सिर्फ़ संख्या होगी, जैसे { $sample }।
currency-invalid = यह कोई जानी-पहचानी मुद्रा कोड नहीं है। तीन अक्षरों का ISO 4217 कोड दें, जैसे INR, BDT या USD (या /currency none)।
