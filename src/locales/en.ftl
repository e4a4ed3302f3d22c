# What customers read, in their own language: the share page, reminders, updates on Telegram, and
# the statement PDF. The merchant's own texts (the bot's replies) are in bot/locales.

## Balance, in the customer's words

you-owe = You owe { $shop } { $amount }
shop-owes-you = { $shop } owes you { $amount }
all-settled = All settled with { $shop }

## Share page

page-title = { $customer } at { $shop }
page-heading = Your account at { $shop }
page-for = For { $customer }
page-as-of = Balance as of { $date }
page-recent = Latest entries
page-recent-none = No entries yet.
page-col-date = Date
page-col-what = Entry
page-col-note = Note
page-col-balance = Balance
page-gave = { $shop } gave you { $amount }
page-got = You paid { $amount }
page-undone = (undone)
page-undo = (undoes an earlier entry)
page-download = Download statement (PDF)
page-updates = Get updates on Telegram
page-updates-help = Each new entry is sent to you in Telegram, until you send /stop.
page-language = Language
page-footer = This page shows only your own account. Kept with Mini Ledger.
page-gone-title = This link is no longer valid
page-gone = The shop has ended this link, or it has expired. Ask the shop for a new one.

## Reminder (the merchant sends it; the customer reads it)

reminder-owe = Hi { $customer }, your balance with { $shop } is { $amount } as of { $date }. Statement: { $url }
reminder-owed = Hi { $customer }, { $shop } owes you { $amount } as of { $date }. Statement: { $url }
reminder-settled = Hi { $customer }, your account with { $shop } is all settled as of { $date }. Statement: { $url }

## Updates on Telegram

subscribed = You will get a message here for every new entry in your account at { $shop }. { $balance }. Send /stop to end this.
already-subscribed = You already get updates from { $shop } here. { $balance }.
update-gave = { $shop }: you took { $amount } on credit ({ $date }). { $balance }.
update-got = { $shop }: your payment of { $amount } was recorded ({ $date }). { $balance }.
update-undo-payment = { $shop }: a payment of { $amount } was taken back ({ $date }). { $balance }.
update-undo-credit = { $shop }: a credit of { $amount } was taken back ({ $date }). { $balance }.
update-import = { $shop }: { $entries ->
        [one] 1 entry was added
       *[other] { $entries } entries were added
    } to your account. { $balance }.
update-page = Your account: { $url }
stopped = You will get no more updates here.
stopped-none = This chat gets no updates.
subscribe-invalid = This link for updates is unknown, used or expired. Open your account page again and tap "Get updates on Telegram".
subscribe-private-only = Updates are sent to a private chat only: open the link in your own chat with the bot.

## Statement PDF (the merchant's document: "you" is the shop)

statement-title = Statement
statement-customer = Customer
statement-phone = Phone
statement-period = Period
statement-opening = Opening balance
statement-closing = Closing balance
statement-date = Date
statement-note = Note
statement-gave = You gave
statement-got = You got
statement-balance = Balance
statement-reversal = Reversal of #{ $id }
statement-undone = Undone by #{ $id }
statement-page = Page { $page } of { $pages }
statement-generated = Generated { $date }
statement-totals = Totals
statement-chart-title = Gave, got and balance
statement-no-entries = No entries in this period
