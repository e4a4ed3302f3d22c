# Bengali (bn) — Mini Ledger bot, for Bangladesh and West Bengal merchants. Money arrives formatted ($amount, $balance, …); names and notes as typed.

## Start, help and linking

welcome =
    হ্যালো! আমি ছোট দোকানের গ্রাহকদের হিসাবের খাতা রাখি।
    নিচের বাটন চেপে আপনার দোকানের অ্যাকাউন্ট খুলুন, অথবা এই চ্যাটকে আপনার আগের অ্যাকাউন্টের সাথে যুক্ত করুন: /link <আপনার API টোকেন> (POST /api/auth/login/ থেকে পাওয়া টোকেন)।
    তারপর: বাকি দিলে /credit রহিম 500, টাকা পেলে /debit রহিম 200। সব কমান্ড দেখতে /help পাঠান।
welcome-group = হ্যালো! আমি দোকানের গ্রাহকদের হিসাবের খাতা রাখি, তবে শুধু দোকানদারের সাথে প্রাইভেট চ্যাটে: শুরু করতে আমার সাথে একটি প্রাইভেট চ্যাট খুলুন।
start-linked = এই চ্যাটে ব্যবসায়ী { $username }-এর খাতা রাখা হয়। আমি কী কী পারি, দেখতে /help পাঠান।
button-create-account = আমার দোকানের অ্যাকাউন্ট খুলুন
account-created =
    আপনার দোকানের অ্যাকাউন্ট { $username } তৈরি, আর এই চ্যাটেই এর খাতা রাখা হবে।
    চেষ্টা করে দেখুন: /add রহিম, তারপর /credit রহিম 500। REST API-র জন্য /token পাঠান; পাসওয়ার্ড দিয়ে লগ ইন করতে পাঠান /password <নতুন পাসওয়ার্ড>
account-already-linked = এই চ্যাট আগে থেকেই ব্যবসায়ী { $username }-এর সাথে যুক্ত।
account-private-only = দোকানের অ্যাকাউন্ট শুধু আমার সাথে প্রাইভেট চ্যাটে খোলা যায়।

help-intro = আমি আপনার গ্রাহকদের হিসাবের খাতা রাখি। কমান্ডগুলো:
help-line = /{ $command }: { $description }। উদাহরণ: { $example }
help-outro =
    নামে ফাঁকা জায়গা থাকতে পারে; নামে সংখ্যা থাকলে নামটি উদ্ধৃতিচিহ্নের মধ্যে লিখুন ("দোকান ২")। টাকার অঙ্ক লিখুন এভাবে: 500, ৫০০, 1,250.50, ₹1,25,000 বা ৳৫০০; অঙ্কের পরে তারিখও দিতে পারেন (আজ, গতকাল, 01/12/2026)। কমান্ড ছাড়া কোনো লাইন, যেমন "রহিম 500 চা", পাঠালে আমি জিজ্ঞেস করব আপনি দিলেন না পেলেন।
    এক মেসেজে কয়েকটি লাইন থাকলে আমি একটা একটা করে পড়ি।

command-link = এই চ্যাটকে আপনার ব্যবসায়ী অ্যাকাউন্টের সাথে যুক্ত করুন
command-customers = ব্যালেন্স অনুযায়ী গ্রাহকের তালিকা, সবচেয়ে বেশি আগে
command-add = নতুন গ্রাহক যোগ করুন
command-credit = আপনি দিলেন (বাকি): গ্রাহকের বাকি বাড়বে
command-debit = আপনি পেলেন (জমা): গ্রাহক টাকা শোধ করলেন
command-summary = একজন গ্রাহকের মোট হিসাব, বা সব গ্রাহকের
command-history = একজন গ্রাহকের শেষ এন্ট্রিগুলো (সংখ্যা না দিলে ১০টি)
command-statement = একজন গ্রাহকের স্টেটমেন্ট, PDF-এ: কোনো সময়ের এন্ট্রি, চলতি ব্যালেন্সসহ
command-chart = সময়ের সাথে একজন গ্রাহকের ব্যালেন্স, ছবিতে
command-dues = কার কাছে সবচেয়ে বেশি পাবেন, কবে থেকে ও কত দিন ধরে (কাকে দেবেন: /dues give)
command-export = আপনার পুরো খাতা, একটি CSV ফাইলে
command-remind = গ্রাহককে পাঠানোর জন্য একটি তাগাদা: তার ব্যালেন্স আর তার হিসাবের পাতার লিংক
command-shopname = আপনার গ্রাহকরা দোকানের যে নাম দেখেন
command-language = আমি যে ভাষায় উত্তর দিই, আর যে অঙ্কে সংখ্যা লিখি
command-currency = আপনার টাকার অঙ্ক যে মুদ্রায় দেখানো হয়, যেমন /currency BDT
command-undo = এই চ্যাট থেকে লেখা শেষ এন্ট্রি বাতিল করুন
command-token = REST ক্লায়েন্টের জন্য নতুন API টোকেন
command-password = API দিয়ে লগ ইন করার পাসওয়ার্ড সেট করুন
command-unlink = এই চ্যাটের সংযোগ বিচ্ছিন্ন করুন
command-help = আমি কী কী পারি

# /help examples: each, sent back as it is (one side of "or"), does what /help says.
example-link = /link <আপনার API টোকেন>
example-customers = /customers বা /customers রহি
example-add = /add রহিম উদ্দিন +8801712345678
example-credit = /credit রহিম উদ্দিন ১,২৫০.৫০ চাল আর তেল
example-debit = /debit "আলী খান" ২০০ গতকাল নগদ
example-summary = /summary রহিম বা /summary
example-history = /history রহিম ৫
example-statement = /statement রহিম গত মাস
example-chart = /chart রহিম
example-dues = /dues বা /dues give
example-export = /export
example-remind = /remind রহিম
example-shopname = /shopname মায়ের দোয়া স্টোর
example-language = /language বা /language bn
example-currency = /currency BDT
example-undo = /undo
example-token = /token বা /token revoke
example-password = /password <নতুন পাসওয়ার্ড>
example-unlink = /unlink
example-help = /help

link-usage = ব্যবহার: /link <আপনার API টোকেন> (আমার সাথে প্রাইভেট চ্যাটে)
linked = যুক্ত হলো: এখন থেকে এই চ্যাটে ব্যবসায়ী { $username }-এর খাতা রাখা হবে। চেষ্টা করে দেখুন /credit রহিম 500 বা /help
link-not-deleted = আপনার মেসেজটি মুছতে পারিনি, তাই টোকেনটি এখনও এই চ্যাটে দেখা যাচ্ছে। ওই টোকেনটি লগ আউট করুন (সেটি দিয়ে POST /api/auth/logout/) আর নতুন একটি টোকেন ব্যবহার করুন।
unlinked = সংযোগ বিচ্ছিন্ন হলো: এই চ্যাট থেকে আর আপনার খাতায় পৌঁছানো যাবে না।
not-linked-before = এই চ্যাট কোনো খাতার সাথে যুক্ত ছিল না।
how-to-link = এই চ্যাট এখনও কোনো ব্যবসায়ীর সাথে যুক্ত নয়, তাই কিছুই বদলায়নি। আমার সাথে প্রাইভেট চ্যাটে দোকানের অ্যাকাউন্ট খুলতে /start পাঠান, অথবা /link <আপনার API টোকেন> (POST /api/auth/login/ থেকে), অথবা POST /api/telegram/link-code/ থেকে পাওয়া লিংকটি খুলুন।
link-ended-logged-out = যে টোকেন দিয়ে এই চ্যাট যুক্ত ছিল সেটি লগ আউট হয়েছে, তাই সংযোগ বিচ্ছিন্ন হলো।
link-ended-removed = ব্যবসায়ী API দিয়ে এই চ্যাটটি সরিয়ে দিয়েছেন, তাই সংযোগ বিচ্ছিন্ন হলো।
link-only-private = খাতা শুধু প্রাইভেট চ্যাটের সাথে যুক্ত করা যায়: গ্রুপে প্রত্যেক সদস্য সেটি পড়তে ও বদলাতে পারত।
link-too-many = এই চ্যাট থেকে যুক্ত করার অনেকগুলো চেষ্টা ব্যর্থ হয়েছে; এক মিনিট অপেক্ষা করুন।

token-issued =
    আপনার নতুন API টোকেন (একবারই দেখানো হচ্ছে; { $minutes } মিনিট পরে এই মেসেজটি মুছে দেব):
    { $token }
    এটি Authorization: Token <token> হেডার হিসেবে পাঠান। /token revoke পাঠালে এখানে তৈরি টোকেনগুলো লগ আউট হবে।
token-revoked = { $count ->
    [0] /token দিয়ে তৈরি কোনো টোকেন চালু ছিল না।
    [one] /token দিয়ে তৈরি { $count }টি টোকেন লগ আউট করা হলো।
   *[other] /token দিয়ে তৈরি { $count }টি টোকেন লগ আউট করা হলো।
  }
token-usage = ব্যবহার: /token (নতুন API টোকেন), বা /token revoke (/token দিয়ে তৈরি টোকেনগুলো লগ আউট)
password-usage = ব্যবহার: /password <নতুন পাসওয়ার্ড> (৮ থেকে ১২৮ অক্ষর; মেসেজটি আমি সাথে সাথে মুছে দেব)
password-set = পাসওয়ার্ড সেট হয়েছে। { $username } নামে POST /api/auth/login/ দিয়ে লগ ইন করুন।
password-not-deleted = আপনার মেসেজটি মুছতে পারিনি, তাই পাসওয়ার্ডটি এখনও এই চ্যাটে দেখা যাচ্ছে: অন্য একটি পাসওয়ার্ড সেট করুন।
private-only = এটি শুধু আমার সাথে প্রাইভেট চ্যাটে কাজ করে।

## Customers

customers-none = এখনও কোনো গ্রাহক নেই। একজন যোগ করুন: /add রহিম
customers-none-matching = কোনো গ্রাহকের নামে "{ $search }" নেই।
customers-title = ব্যালেন্স অনুযায়ী গ্রাহক (বেশি থেকে কম):
customers-title-page = ব্যালেন্স অনুযায়ী গ্রাহক (বেশি থেকে কম), পাতা { $page }/{ $pages }:
customer-line = { $position }. { $name }: { $balance }
add-usage = ব্যবহার: /add <নাম> [ফোন], যেমন /add রহিম উদ্দিন +8801712345678
added = { $name }{ $phone } যোগ করা হলো। খাতায় লিখতে পাঠান: { $hint }
already-added = { $name }{ $phone } আগেই যোগ করা হয়েছে। খাতায় লিখতে পাঠান: { $hint }
add-exists = "{ $name }" নামে একজন গ্রাহক আগে থেকেই আছেন। তাঁকেই নেবেন, নাকি একই নামে আরেকজন যোগ করবেন?
button-use-existing = আগের জন: { $name } ({ $balance })
button-add-another = আরেকজন { $name } যোগ করুন
add-used-existing = { $name } আগে থেকেই আপনার খাতায় আছেন ({ $balance })। খাতায় লিখতে পাঠান: { $hint }

## Entries

credit-usage = ব্যবহার: /credit <নাম> <টাকা> [তারিখ] [নোট], যেমন /credit রহিম 500 চাল
debit-usage = ব্যবহার: /debit <নাম> <টাকা> [তারিখ] [নোট], যেমন /debit রহিম 200 নগদ
recorded = লেখা হলো: { $what } — { $name }{ $note }{ $date }
already-recorded = আগেই লেখা হয়েছে: { $what } — { $name }{ $note }{ $date }
balance-owes-you = { $name }-এর কাছে আপনি { $amount } পাবেন।
balance-you-owe = { $name }-কে আপনি { $amount } দেবেন।
balance-settled = { $name }-এর হিসাব মিটে গেছে (0.00)।
entry-credit = বাকি { $amount } (আপনি দিলেন)
entry-debit = জমা { $amount } (আপনি পেলেন)
entry-credit-short = বাকি { $amount }
entry-debit-short = জমা { $amount }
entry-on-date = , তারিখ { $date }
button-undo = বাতিল করুন
ask-which = { $question }
ask-line-reads-two-ways = এই লাইনটি একাধিকভাবে পড়া যায়। আপনি কোনটি বোঝাতে চেয়েছেন? আপনি বেছে না নেওয়া পর্যন্ত কিছুই লেখা হবে না।
ask-same-name = "{ $name }" নামে একাধিক গ্রাহক আছেন। কার কথা বলছেন? আপনি বেছে না নেওয়া পর্যন্ত কিছুই লেখা হবে না।
ask-no-such-customer = { $names } নামে কোনো গ্রাহক নেই। কার কথা বলছেন? আপনি বেছে না নেওয়া পর্যন্ত কিছুই লেখা হবে না।
button-option-customer = { $name } · { $amount }{ $extra }
button-option-add = { $name } যোগ করুন · { $amount }{ $extra }
quick-ask = { $name } · { $amount }{ $extra }: আপনি দিলেন, না পেলেন?
button-gave = { $name }-কে { $amount } দিলেন
button-got = { $name }-এর কাছ থেকে { $amount } পেলেন
button-cancel = থাক
cancelled = ঠিক আছে, কিছুই বদলানো হয়নি।
choice-expired = এই প্রশ্নের সময় পেরিয়ে গেছে। কমান্ডটি আবার পাঠান।
choice-cancelled = এই প্রশ্নটি বাতিল হয়ে গেছে; কিছুই লেখা হয়নি। কমান্ডটি আবার পাঠান।
choice-other-link = এই প্রশ্নটি এই চ্যাটের আগের সংযোগের সময় করা হয়েছিল; কিছুই লেখা হয়নি। কমান্ডটি আবার পাঠান।
choice-used = এই প্রশ্নের উত্তর আগেই দেওয়া হয়েছে।
not-an-amount = "{ $token }" টাকার অঙ্ক নয়। অঙ্ক লিখুন এভাবে: 500, ৫০০, 1,250.50 বা ₹1,25,000 — ০-এর বেশি, দশমিকের পরে বড়জোর ২ ঘর।
not-a-date = "{ $token }" তারিখ নয়। তারিখ লিখুন এভাবে: 2026-12-01, 01/12/2026 (আগে দিন, পরে মাস), আজ বা গতকাল।
name-unclosed = { $open } দিয়ে শুরু হওয়া নামটির শেষে { $close } নেই।
too-many-lines = এক মেসেজে বড়জোর { $max }টি লাইন থাকতে পারে; কিছুই পড়া হয়নি। ছোট ছোট মেসেজে ভাগ করে পাঠান।

## Edits

edit-not-read = মেসেজ এডিট করলে খাতা বদলায় না: কিছুই বদলায়নি। ঠিক করা লাইনটি নতুন মেসেজে পাঠান।
edit-original-posted = মেসেজ এডিট করলে খাতা বদলায় না। আপনার আগের মেসেজে { $name }-এর খাতায় { $what } লেখা হয়েছিল (এন্ট্রি #{ $entry })।
edit-offer = ঠিক করা লাইনটি নতুন এন্ট্রি হিসেবে লিখব?
button-post-corrected = { $name }-এর খাতায় { $what } লিখুন

## Summary and history

summary-customer =
    { $name }
    আপনি দিলেন (বাকি): { $gave }
    আপনি পেলেন (জমা): { $got }
    ব্যালেন্স: { $balance } — { $phrase }
summary-undone-left-out = বাতিল করা এন্ট্রি আর সেগুলো কাটার এন্ট্রি "দিলেন" ও "পেলেন"-এর মোটে ধরা হয়নি ({ $amount })।
summary-overall =
    গ্রাহক: { $count }
    আপনি পাবেন: { $get }, { $owing ->
        [one] { $owing } জন গ্রাহকের কাছে
       *[other] { $owing } জন গ্রাহকের কাছে
    }
    আপনি দেবেন: { $give }, { $owed ->
        [one] { $owed } জন গ্রাহককে
       *[other] { $owed } জন গ্রাহককে
    }
    নিট: { $net }
summary-net-get = আপনি পাবেন { $amount }
summary-net-give = আপনি দেবেন { $amount }
summary-net-zero = 0.00, সব হিসাব মিটে গেছে
summary-owe-you = যাদের কাছে সবচেয়ে বেশি পাবেন:
summary-you-owe = যাদের সবচেয়ে বেশি দেবেন:
summary-more = …আরও { $count } জন: সবাইকে দেখতে /customers পাঠান।
history-usage = ব্যবহার: /history <নাম> [সংখ্যা], যেমন /history রহিম 5
history-count = এন্ট্রির সংখ্যা ১ থেকে { $max }-এর মধ্যে হতে হবে।
history-none = { $name }-এর এখনও কোনো এন্ট্রি নেই।
history-title = { $name }-এর শেষ { $count }টি এন্ট্রি, নতুন থেকে পুরনো:
history-title-page = { $name }-এর শেষ { $count }টি এন্ট্রি, নতুন থেকে পুরনো (পাতা { $page }/{ $pages }):
history-line = { $date } #{ $id } { $what }{ $mark }{ $note }
history-undone = {" "}(#{ $by } দিয়ে বাতিল)
history-undoes = {" "}(#{ $of } বাতিলের এন্ট্রি)
no-customer-named = "{ $name }" নামে কোনো গ্রাহক নেই। সবার তালিকা দেখতে /customers পাঠান।
several-match = "{ $name }"-এর সাথে কয়েকজন গ্রাহকের নাম মেলে{ $more }। কোনজন?
several-match-more = {" "}({ $shown } জন দেখাচ্ছি; খুঁজে পেতে নামের আরও কিছুটা লিখুন)
button-previous = ◀ আগের
button-next = পরের ▶

## Statements, charts, dues, export

statement-usage = ব্যবহার: /statement <নাম> [এই মাস | গত মাস | শুরুর তারিখ [শেষ তারিখ]], যেমন /statement রহিম গত মাস বা /statement রহিম 2026-11-01 2026-11-30
chart-usage = ব্যবহার: /chart <নাম> [এই মাস | গত মাস | শুরুর তারিখ [শেষ তারিখ]], যেমন /chart রহিম
statement-caption =
    { $name }-এর স্টেটমেন্ট, { $from } – { $to }
    শুরুর ব্যালেন্স: { $opening }
    আপনি দিলেন: { $gave } · আপনি পেলেন: { $got }
    শেষ ব্যালেন্স: { $closing }
chart-caption = { $name }, { $from } – { $to }: ব্যালেন্স { $closing }
button-statement = স্টেটমেন্ট
button-chart = চার্ট
button-statement-of = 📄 { $name }
dues-usage = ব্যবহার: /dues (কার কাছে পাবেন) বা /dues give (কাকে দেবেন)
dues-none-get = কারও কাছে আপনার কোনো পাওনা নেই।
dues-none-give = আপনাকে কাউকে কিছু দিতে হবে না।
dues-title-get = আপনি পাবেন { $total } ({ $count ->
        [one] { $count } জন গ্রাহকের কাছে
       *[other] { $count } জন গ্রাহকের কাছে
    }), বেশি থেকে কম:
dues-title-give = আপনি দেবেন { $total } ({ $count ->
        [one] { $count } জন গ্রাহককে
       *[other] { $count } জন গ্রাহককে
    }), বেশি থেকে কম:
dues-line = { $position }. { $name }: { $balance }; { $paid }; { $ages }
dues-age = { $days } দিন: { $amount }
dues-never-paid = কখনও শোধ হয়নি
dues-last-paid = শেষ শোধ { $days ->
        [0] আজ
        [one] { $days } দিন আগে
       *[other] { $days } দিন আগে
    }
dues-more = …আরও { $count } জন (সবার তালিকা API-তে: /api/reports/dues/)।
export-caption = আপনার পুরো খাতা: প্রতিটি এন্ট্রি এক সারিতে (গ্রাহক, ফোন, তারিখ, ধরন, টাকা, নোট)। অন্য অ্যাকাউন্টে তুলতে ফাইলটি POST /api/import/ দিয়ে পাঠান।

## Reminders and the shop's name

remind-usage = ব্যবহার: /remind <নাম>, যেমন /remind রহিম
button-share-telegram = টেলিগ্রামে পাঠান
button-whatsapp = হোয়াটসঅ্যাপ
button-copy-link = লিংক কপি করুন
button-remind = 🔔 মনে করিয়ে দিন
shopname-is = আপনার গ্রাহকরা আপনার দোকানের নাম দেখেন "{ $name }"। বদলাতে: /shopname <নাম>
shopname-set = এখন থেকে আপনার গ্রাহকরা দোকানের নাম দেখবেন "{ $name }"।
summary-subscribers = { $count ->
        [one] { $count }টি চ্যাট টেলিগ্রামে এই হিসাবের খবর পায়।
       *[other] { $count }টি চ্যাট টেলিগ্রামে এই হিসাবের খবর পায়।
    }

## Undo

undo-ask = { $name }-এর এন্ট্রি #{ $entry } বাতিল করবেন: { $what }?
button-undo-confirm = হ্যাঁ, বাতিল করুন
undone = বাতিল হলো: এন্ট্রি #{ $entry } কাটতে { $name }-এর খাতায় { $what } লেখা হলো।
nothing-to-undo = এই চ্যাট থেকে লেখা বাতিল করার মতো কোনো এন্ট্রি নেই।
undo-done-toast = বাতিল হলো

## Errors

error-invalid-token = এই টোকেনটি গ্রহণ করা হয়নি। নতুন টোকেন পেতে আবার লগ ইন করুন, তারপর পাঠান /link <টোকেন>
error-already-reversed = এই এন্ট্রি আগেই বাতিল হয়েছে; কিছুই বদলায়নি।
error-cannot-reverse-reversal = এই এন্ট্রি নিজেই একটি বাতিলের এন্ট্রি, তাই এটি বাতিল করা যায় না।
error-customer-not-found = এই গ্রাহক আর নেই।
error-entry-not-found = এই এন্ট্রি আর নেই।
error-key-reused = এই কমান্ডটি আগেই অন্য একটি বাছাই দিয়ে সম্পন্ন হয়েছে; কিছুই বদলায়নি।
error-invalid-link-code = এই লিংক কোডটি অচেনা, আগেই ব্যবহার হয়েছে, বা এর মেয়াদ শেষ।
button-no-longer-valid = এই বাটনটি আর কাজ করে না।
apology = দুঃখিত, আমাদের দিকে কিছু একটা সমস্যা হয়েছে। একটু পরে আবার চেষ্টা করুন।
unknown-command = এই কমান্ডটি আমি চিনি না। আমি কী কী পারি, দেখতে /help পাঠান।
send-a-command = আমাকে একটি কমান্ড পাঠান, যেমন /credit রহিম 500। সব কমান্ড দেখতে /help পাঠান।
text-only = আমি শুধু লেখা কমান্ড পড়তে পারি। সব কমান্ড দেখতে /help পাঠান।

## /language and /currency

language-choose = আমি এখন { $language } ভাষায় উত্তর দিই। একটি ভাষা বেছে নিন (বাংলা বা हिन्दी হলে সংখ্যার অঙ্কও):
language-set = এখন থেকে এই চ্যাটে আমি { $language } ভাষায় উত্তর দেব।
digits-set = সংখ্যা এখন এভাবে দেখাবে: { $sample }
currency-is = টাকার অঙ্ক { $currency } মুদ্রায় দেখানো হয়: { $sample }। বদলাতে /currency <কোড>, বা মুদ্রা সরাতে /currency none পাঠান।
currency-none = কোনো মুদ্রা ঠিক করা নেই: টাকার অঙ্ক শুধু সংখ্যা হিসেবে দেখানো হয়। ঠিক করতে /currency <কোড> পাঠান, যেমন /currency BDT বা /currency INR।
currency-set = এখন থেকে টাকার অঙ্ক { $currency } মুদ্রায় দেখানো হবে: { $sample }। কিছুই রূপান্তর করা হয় না।
currency-cleared = এখন থেকে কোনো মুদ্রা নেই: টাকার অঙ্ক শুধু সংখ্যা, যেমন { $sample }।
currency-invalid = এটি আমার জানা কোনো মুদ্রার কোড নয়। তিন অক্ষরের ISO 4217 কোড দিন, যেমন BDT, INR বা USD (অথবা /currency none)।
