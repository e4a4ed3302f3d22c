# Mini Ledger bot, English. Money arrives formatted ($amount, $balance, …); names and notes as typed.

## Start, help and linking

welcome =
    Hello! I keep a small shop’s customer ledger.
    Create your shop account with the button below, or link this chat to an existing account: /link <your API token> (the token from POST /api/auth/login/).
    Then: /credit Alice 500 when you give, /debit Alice 200 when you get paid. /help lists everything.
welcome-group = Hello! I keep a shop’s customer ledger, in a private chat with its merchant: open a private chat with me to begin.
start-linked = This chat keeps the ledger of merchant { $username }. /help lists what I can do.
button-create-account = Create my shop account
account-created =
    Your shop account { $username } is ready, and this chat keeps its ledger.
    Try /add Alice, then /credit Alice 500. For the REST API send /token; to log in with a password send /password <new password>.
account-already-linked = This chat is already linked to merchant { $username }.
account-private-only = Shop accounts are made in a private chat with me.

help-intro = I keep your customer ledger. Commands:
help-line = /{ $command }: { $description }. Example: { $example }
help-outro =
    Names may have spaces; a name that has numbers in it can be put in quotes ("Shop 2"). Amounts look like 500, 1,250.50, ₹1,25,000 or ৫০০; a date may follow the amount (yesterday, 01/12/2026). A line without a command, like "Alice 500 tea", asks whether you gave or got.
    Several lines in one message are read one by one.

command-link = Link this chat to your merchant account
command-customers = Customers by balance, largest first
command-add = Add a customer
command-credit = You gave: the customer owes you more
command-debit = You got: a payment received
command-summary = A customer's totals, or all customers
command-history = Last entries of a customer (default 10)
command-statement = A customer's statement as a PDF: a period's entries with the running balance
command-chart = A customer's balance over time, as a picture
command-dues = Who owes you most, since when and for how long (or /dues give)
command-export = Your whole book as a CSV file
command-remind = A reminder to forward to a customer, with their balance and a link to their page
command-shopname = The shop's name your customers see
command-language = The language I answer in, and the digits I write
command-currency = The currency your amounts are shown in, e.g. /currency BDT
command-undo = Undo the last entry from this chat
command-token = A fresh API token for REST clients
command-password = Set a password for logging in over the API
command-unlink = Unlink this chat
command-help = What I can do

# /help examples: each, sent back as it is (one side of "or"), does what /help says.
example-link = /link <your API token>
example-customers = /customers or /customers ali
example-add = /add Mary Jane +254700000001
example-credit = /credit Mary Jane 1,250.50 rice and oil
example-debit = /debit "Ali Khan" 200 yesterday cash
example-summary = /summary Alice or /summary
example-history = /history Alice 5
example-statement = /statement Alice last month
example-chart = /chart Alice
example-dues = /dues or /dues give
example-export = /export
example-remind = /remind Alice
example-shopname = /shopname Corner Shop
example-language = /language or /language bn
example-currency = /currency BDT
example-undo = /undo
example-token = /token or /token revoke
example-password = /password a-long-secret
example-unlink = /unlink
example-help = /help

link-usage = Usage: /link <your API token> (in a private chat with me)
linked = Linked: this chat now keeps the ledger of merchant { $username }. Try /credit Alice 500 or /help.
link-not-deleted = I could not delete your message, so the token is still visible in this chat. Log that token out (POST /api/auth/logout/ with it) and use a fresh one.
unlinked = Unlinked: this chat no longer reaches your ledger.
not-linked-before = This chat was not linked.
how-to-link = This chat is not linked to a merchant yet, so nothing was changed. In a private chat with me, send /start to create a shop account, or /link <your API token> (from POST /api/auth/login/), or open the link from POST /api/telegram/link-code/.
link-ended-logged-out = This chat was unlinked because the token it was linked with was logged out.
link-ended-removed = This chat was unlinked because the merchant removed it over the API.
link-only-private = A ledger can be linked only to a private chat: in a group every member could read and change it.
link-too-many = Too many failed link attempts from this chat; wait a minute.

token-issued =
    Your new API token (shown once; I delete this message in { $minutes } minutes):
    { $token }
    Send it as the header Authorization: Token <token>. /token revoke logs out the tokens made here.
token-revoked = { $count ->
    [0] No token made with /token was live.
    [one] Logged out 1 token made with /token.
   *[other] Logged out { $count } tokens made with /token.
  }
token-usage = Usage: /token (a new API token), or /token revoke (log out the tokens made with /token)
password-usage = Usage: /password <new password> (8 to 128 characters; I delete the message at once)
password-set = Password set. Log in with POST /api/auth/login/ as { $username }.
password-not-deleted = I could not delete your message, so the password is still visible in this chat: set another one.
private-only = That works only in a private chat with me.

## Customers

customers-none = No customers yet. Add one: /add Alice
customers-none-matching = No customer name contains "{ $search }".
customers-title = Customers by balance (largest first):
customers-title-page = Customers by balance (largest first), page { $page } of { $pages }:
customer-line = { $position }. { $name }: { $balance }
add-usage = Usage: /add <name> [phone], e.g. /add Mary Jane +254700000001
added = Added { $name }{ $phone }. Post to them with { $hint }
already-added = Already added { $name }{ $phone }. Post to them with { $hint }
add-exists = There is already a customer named "{ $name }". Use that one, or add another with the same name?
button-use-existing = Use { $name } ({ $balance })
button-add-another = Add another { $name }
add-used-existing = { $name } is on your books already ({ $balance }). Post to them with { $hint }

## Entries

credit-usage = Usage: /credit <name> <amount> [date] [note], e.g. /credit Alice 500 rice
debit-usage = Usage: /debit <name> <amount> [date] [note], e.g. /debit Alice 200 cash
recorded = Recorded: { $what } — { $name }{ $note }{ $date }
already-recorded = Already recorded: { $what } — { $name }{ $note }{ $date }
balance-owes-you = { $name } owes you { $amount }.
balance-you-owe = You owe { $name } { $amount }.
balance-settled = { $name } is settled up (0.00).
entry-credit = credit { $amount } (you gave)
entry-debit = debit { $amount } (you got)
entry-credit-short = credit { $amount }
entry-debit-short = debit { $amount }
entry-on-date = , dated { $date }
button-undo = Undo
ask-which = { $question }
ask-line-reads-two-ways = This line reads more than one way. Which did you mean? Nothing is posted until you choose.
ask-same-name = More than one customer is named "{ $name }". Which did you mean? Nothing is posted until you choose.
ask-no-such-customer = No customer is named { $names }. Which did you mean? Nothing is posted until you choose.
button-option-customer = { $name } · { $amount }{ $extra }
button-option-add = Add { $name } · { $amount }{ $extra }
quick-ask = { $name } · { $amount }{ $extra }: did you give or get?
button-gave = You gave { $amount } to { $name }
button-got = You got { $amount } from { $name }
button-cancel = Cancel
cancelled = Cancelled; nothing changed.
choice-expired = That choice has expired. Please send the command again.
choice-cancelled = That question was cancelled; nothing was posted. Send the command again.
choice-other-link = That question was asked under an earlier link of this chat; nothing was posted. Send the command again.
choice-used = That question was already answered.
not-an-amount = "{ $token }" is not an amount. An amount looks like 500, 1,250.50, ₹1,25,000 or ৫০০: more than 0, at most 2 decimals.
not-a-date = "{ $token }" is not a date. A date looks like 2026-12-01, 01/12/2026 (day first), today or yesterday.
name-unclosed = The name starting with { $open } has no closing { $close }.
too-many-lines = A message may hold at most { $max } lines; nothing was read. Send them in smaller messages.

## Edits

edit-not-read = Editing a message does not change the ledger: nothing changed. Send the corrected line as a new message.
edit-original-posted = Editing a message does not change the ledger. Your original message posted { $what } for { $name } (entry #{ $entry }).
edit-offer = Post the corrected line as a new entry?
button-post-corrected = Post { $what } to { $name }

## Summary and history

summary-customer =
    { $name }
    You gave (credit): { $gave }
    You got (debit): { $got }
    Balance: { $balance }: { $phrase }
summary-undone-left-out = Undone entries and their reversals are left out of gave and got ({ $amount }).
summary-overall =
    Customers: { $count }
    You'll get: { $get } from { $owing ->
        [one] 1 customer
       *[other] { $owing } customers
    }
    You'll give: { $give } to { $owed ->
        [one] 1 customer
       *[other] { $owed } customers
    }
    Net: { $net }
summary-net-get = { $amount } to get
summary-net-give = { $amount } to give
summary-net-zero = 0.00, all settled
summary-owe-you = Owe you most:
summary-you-owe = You owe most:
summary-more = …and { $count } more: /customers lists everyone.
history-usage = Usage: /history <name> [n], e.g. /history Alice 5
history-count = The number of entries must be from 1 to { $max }.
history-none = No entries for { $name } yet.
history-title = Last { $count } for { $name }, newest first:
history-title-page = Last { $count } for { $name }, newest first (page { $page } of { $pages }):
history-line = { $date } #{ $id } { $what }{ $mark }{ $note }
history-undone = {" "}(undone by #{ $by })
history-undoes = {" "}(undoes #{ $of })
no-customer-named = No customer named "{ $name }". /customers lists them.
several-match = Several customers match "{ $name }"{ $more }. Which one?
several-match-more = {" "}(showing { $shown }; type more of the name to narrow)
button-previous = ◀ Previous
button-next = Next ▶

## Statements, charts, dues, export

statement-usage = Usage: /statement <name> [this month | last month | from [to]], e.g. /statement Alice last month or /statement Alice 2026-11-01 2026-11-30
chart-usage = Usage: /chart <name> [this month | last month | from [to]], e.g. /chart Alice
statement-caption =
    Statement for { $name }, { $from } – { $to }
    Opening balance: { $opening }
    You gave: { $gave } · You got: { $got }
    Closing balance: { $closing }
chart-caption = { $name }, { $from } – { $to }: balance { $closing }
button-statement = Statement
button-chart = Chart
button-statement-of = 📄 { $name }
dues-usage = Usage: /dues (who owes you) or /dues give (whom you owe)
dues-none-get = Nobody owes you anything.
dues-none-give = You owe nobody anything.
dues-title-get = Owe you { $total } ({ $count ->
        [one] 1 customer
       *[other] { $count } customers
    }), largest first:
dues-title-give = You owe { $total } ({ $count ->
        [one] 1 customer
       *[other] { $count } customers
    }), largest first:
dues-line = { $position }. { $name }: { $balance }; { $paid }; { $ages }
dues-age = { $days } days: { $amount }
dues-never-paid = never paid
dues-last-paid = last paid { $days ->
        [0] today
        [one] 1 day ago
       *[other] { $days } days ago
    }
dues-more = …and { $count } more (the API's /api/reports/dues/ lists them all).
export-caption = Your whole book: one row per entry (customer, phone, date, type, amount, note). POST it to /api/import/ to load it into another account.

## Reminders and the shop's name

remind-usage = Usage: /remind <name>, e.g. /remind Alice
button-share-telegram = Share on Telegram
button-whatsapp = WhatsApp
button-copy-link = Copy link
button-remind = 🔔 Remind
shopname-is = Your customers see your shop as "{ $name }". Change it with /shopname <name>.
shopname-set = Your customers now see your shop as "{ $name }".
summary-subscribers = { $count ->
        [one] 1 chat gets updates of this account on Telegram.
       *[other] { $count } chats get updates of this account on Telegram.
    }

## Undo

undo-ask = Undo { $what } for { $name } (entry #{ $entry })?
button-undo-confirm = Yes, undo it
undone = Undone: entry #{ $entry } reversed with { $what } for { $name }.
nothing-to-undo = This chat has posted no entry that is not undone already.
undo-done-toast = Undone

## Errors

error-invalid-token = That token was not accepted. Log in again to get a fresh token, then send /link <token>.
error-already-reversed = That entry was already undone; nothing changed.
error-cannot-reverse-reversal = That entry is itself an undo and cannot be undone.
error-customer-not-found = That customer no longer exists.
error-entry-not-found = That entry no longer exists.
error-key-reused = That command was already handled with another choice; nothing changed.
error-invalid-link-code = This link code is unknown, used or expired.
button-no-longer-valid = This button is no longer valid.
apology = Sorry, something went wrong on our side. Please try again in a moment.
unknown-command = I do not know that command. /help lists what I can do.
send-a-command = Send me a command, for example /credit Alice 500. /help lists them all.
text-only = I read text commands only. /help lists them.

## /language and /currency

language-choose = I answer in { $language }. Choose a language (and, for বাংলা or हिन्दी, the digits):
language-set = From now on I answer in { $language } in this chat.
digits-set = Numbers now look like this: { $sample }
currency-is = Amounts are shown in { $currency }: { $sample }. Change it with /currency <code>, or /currency none.
currency-none = No currency is set: amounts are plain numbers. Set one with /currency <code>, e.g. /currency BDT or /currency INR.
currency-set = Amounts are now shown in { $currency }: { $sample }. Nothing is converted.
currency-cleared = No currency from now on: amounts are plain numbers, like { $sample }.
currency-invalid = That is not a currency code I know. Use a three-letter ISO 4217 code, e.g. BDT, INR or USD (or /currency none).
