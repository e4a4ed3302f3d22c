# গ্রাহক যা পড়েন, তাঁর নিজের ভাষায়: হিসাবের পাতা, তাগাদা, টেলিগ্রামের আপডেট আর বিবরণীর PDF।
# Money and dates arrive already formatted (Bengali digits); counts are numbers, formatted by Fluent in bn.

## Balance, in the customer's words

you-owe = { $shop }-এর কাছে আপনার বাকি { $amount }
shop-owes-you = { $shop } আপনাকে { $amount } দেবে
all-settled = { $shop }-এর সাথে সব হিসাব মিটে গেছে

## Share page

page-title = { $shop }-এ { $customer }-এর হিসাব
page-heading = { $shop }-এ আপনার হিসাব
page-for = { $customer }-এর জন্য
page-as-of = { $date } তারিখ পর্যন্ত
page-recent = সাম্প্রতিক লেনদেন
page-recent-none = এখনও কোনো লেনদেন নেই।
page-col-date = তারিখ
page-col-what = লেনদেন
page-col-note = নোট
page-col-balance = ব্যালেন্স
page-gave = { $shop } আপনাকে { $amount } বাকিতে দিয়েছে
page-got = আপনি { $amount } জমা দিয়েছেন
page-undone = (বাতিল)
page-undo = (আগের একটি লেনদেন বাতিল করে)
page-download = হিসাবের বিবরণী ডাউনলোড করুন (PDF)
page-updates = টেলিগ্রামে আপডেট পান
page-updates-help = প্রতিটি নতুন লেনদেন টেলিগ্রামে আপনাকে পাঠানো হবে, যতক্ষণ না আপনি /stop পাঠান।
page-language = ভাষা
page-footer = এই পাতায় শুধু আপনার নিজের হিসাব দেখা যায়। Mini Ledger-এ রাখা।
page-gone-title = এই লিংকটি আর চালু নেই
page-gone = দোকান লিংকটি বন্ধ করে দিয়েছে, অথবা এর মেয়াদ শেষ হয়ে গেছে। দোকানের কাছে নতুন লিংক চেয়ে নিন।

## Reminder (the merchant sends it; the customer reads it)

reminder-owe = প্রিয় { $customer }, { $date } পর্যন্ত { $shop }-এর কাছে আপনার বাকি { $amount }। বিবরণী: { $url }
reminder-owed = প্রিয় { $customer }, { $date } পর্যন্ত { $shop } আপনাকে { $amount } দেবে। বিবরণী: { $url }
reminder-settled = প্রিয় { $customer }, { $date } পর্যন্ত { $shop }-এর সাথে আপনার সব হিসাব মিটে গেছে। বিবরণী: { $url }

## Updates on Telegram

subscribed = { $shop }-এ আপনার হিসাবে প্রতিটি নতুন লেনদেনের খবর এখানে পাবেন। { $balance }। বন্ধ করতে /stop পাঠান।
already-subscribed = আপনি এখানে আগে থেকেই { $shop }-এর আপডেট পাচ্ছেন। { $balance }।
update-gave = { $shop }: আপনি { $amount } বাকিতে নিয়েছেন ({ $date })। { $balance }।
update-got = { $shop }: আপনার { $amount } জমা লেখা হয়েছে ({ $date })। { $balance }।
update-undo-payment = { $shop }: { $amount } জমার একটি লেনদেন বাতিল হয়েছে ({ $date })। { $balance }।
update-undo-credit = { $shop }: { $amount } বাকির একটি লেনদেন বাতিল হয়েছে ({ $date })। { $balance }।
update-import = { $shop }: আপনার হিসাবে { $entries ->
        [one] { $entries }টি লেনদেন যোগ হয়েছে
       *[other] { $entries }টি লেনদেন যোগ হয়েছে
    }। { $balance }।
update-page = আপনার হিসাব: { $url }
stopped = এখানে আর কোনো আপডেট আসবে না।
stopped-none = এই চ্যাটে কোনো আপডেট আসে না।
subscribe-invalid = আপডেটের এই লিংকটি অজানা, আগেই ব্যবহার হয়েছে বা মেয়াদ শেষ। আপনার হিসাবের পাতাটি আবার খুলে "টেলিগ্রামে আপডেট পান" চাপুন।
subscribe-private-only = আপডেট শুধু ব্যক্তিগত চ্যাটে পাঠানো হয়: বটের সাথে আপনার নিজের চ্যাটে লিংকটি খুলুন।

## Statement PDF (the merchant's document: "you" is the shop)

statement-title = হিসাবের বিবরণী
statement-customer = গ্রাহক
statement-phone = ফোন
statement-period = সময়কাল
statement-opening = প্রারম্ভিক ব্যালেন্স
statement-closing = সমাপনী ব্যালেন্স
statement-date = তারিখ
statement-note = বিবরণ
statement-gave = আপনি দিলেন
statement-got = আপনি পেলেন
statement-balance = ব্যালেন্স
statement-reversal = #{ $id }-এর বিপরীত লেনদেন
statement-undone = #{ $id } দিয়ে বাতিল
statement-page = পৃষ্ঠা { $page }/{ $pages }
statement-generated = তৈরি: { $date }
statement-totals = মোট
statement-chart-title = দেওয়া, পাওয়া ও ব্যালেন্স
statement-no-entries = এই সময়ে কোনো লেনদেন নেই
