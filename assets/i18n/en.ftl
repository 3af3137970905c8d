# Handshake Lab — English UI text.
# Keys are stable; translations copy this file and change only the text.

app-title = Handshake Lab
app-subtitle = how HTTPS protects a login

## Top bar
settings-theme-light = Light theme
settings-theme-dark = Dark theme
settings-presentation = Presentation mode
settings-presentation-hint = Larger text for a projector

## Inputs
inputs-password = Password
inputs-server-name = Server name
inputs-seed = Seed
inputs-invalid = Not simulated: { $reason }
inputs-changed-hint = Bytes that changed since the previous inputs are underlined in orange.

## Step controls
controls-back = Back
controls-next = Next
controls-play = Play
controls-pause = Pause
controls-restart = Restart
controls-pace = Pace
controls-pace-seconds = { $s } s per step
controls-position = step { $k } of { $n }
controls-keys-hint = Keys: Right or Space next, Left back, Home first, End last; F1 all shortcuts
controls-sent-by = sent by the { $side } at { $time } ms

## Sequence view
sequence-heading = The conversation
sequence-client = Browser (client)
sequence-wire = Wire
sequence-server = Bank (server)
sequence-legend = Protection:
sequence-tap = where the eavesdropper reads
protection-plaintext = plaintext
protection-handshake = handshake keys
protection-application = application keys
protection-plaintext-explain = readable by anyone on the wire
protection-handshake-explain = encrypted with keys from the key exchange
protection-application-explain = encrypted with the final traffic keys
protection-session = session keys (TLS 1.2)
protection-session-explain = encrypted with TLS 1.2 keys from the premaster secret
sequence-arrow = { $k }. { $message } ({ $protection })

## Panels
panel-keys = Keys
panel-eavesdropper = Eavesdropper
panel-certificate = Certificate

## Inspector
inspector-record = Record { $index }: { $message }, { $len } bytes
inspector-wire-bytes = Wire bytes (what everyone sees)
inspector-inner-bytes = Decrypted inner plaintext (what only the two ends see)
inspector-fields = Fields
inspector-hover-hint = Hover a byte or a field to see what it means; click to keep it selected.
inspector-field-bytes = bytes { $start }..{ $end } ({ $len } bytes)
inspector-no-records = This step puts nothing on the wire.
inspector-tampered = The attacker changed this record on the way: the fields show what arrived.

## Keys
keys-heading = Secrets known after this step
keys-none = No secrets yet: nothing has been agreed.
keys-known-by = known by: { $who }
keys-eavesdropper-never = The eavesdropper never learns any of these: it saw only public key shares.
keys-side-client = client
keys-side-server = server
keys-side-attacker = attacker
keys-group-shared = Key exchange (ECDHE)
keys-group-early = Early secret
keys-group-handshake = Handshake secret and traffic secrets
keys-group-handshake-keys = Handshake keys and IVs
keys-group-master = Master secret and traffic secrets
keys-group-application-keys = Application keys and IVs
keys-group-finished = Finished keys
keys-group-other = Other secrets
keys-open = Show derivation
keys-derivation-heading = How { $name } is derived
keys-function = Function
keys-label = Label
keys-label-full = Label on the wire: "tls13 { $label }"
keys-context = Context (transcript hash)
keys-context-empty = (empty)
keys-hkdf-label = HkdfLabel (the info for HKDF-Expand)
keys-output = Output
keys-close = Close
keys-new-here = new in this step

## Eavesdropper
eaves-heading = What an eavesdropper on the wire reads
eaves-http = Plain HTTP
eaves-https = HTTPS (TLS 1.3)
eaves-nothing-yet = Nothing on the wire yet.
eaves-sensitive = SECRET, readable by anyone
eaves-same-inputs = Both sessions use the same password, server name and seed.
obs-timing = time
obs-record_size = record
obs-server_name = server name (SNI)
obs-versions_offered = versions offered
obs-cipher_suites_offered = cipher suites offered
obs-groups_offered = groups offered
obs-public_key_share = public key share
obs-version_chosen = version chosen
obs-cipher_suite_chosen = cipher suite chosen
obs-ciphertext = ciphertext
obs-alert = alert
obs-http_start_line = HTTP start line
obs-http_header = HTTP header
obs-username = username
obs-password = password
obs-card_number = card number
obs-http_body = body
obs-server_certificate = certificate (sent in the clear in TLS 1.2)

## Certificate
cert-heading = The server's certificate chain
cert-not-yet = The server has not sent its certificate yet.
cert-root = Root CA (trusted by the browser)
cert-server = Server certificate
cert-subject = Subject
cert-issuer = Issuer
cert-serial = Serial
cert-san = Names (SAN)
cert-validity = Valid
cert-validity-range = from { $from } to { $to }
cert-is-ca = Certificate authority
cert-key-usage = Key usage
cert-public-key = Public key (P-256)
cert-signature = Signature ({ $alg })
cert-yes = yes
cert-no = no
cert-checks = The browser's checks
cert-checks-none = The browser has not checked anything yet.
cert-pass = PASS
cert-fail = FAIL
cert-unreadable = Could not read this certificate: { $reason }

## Outcome
outcome-completed = The session completed.
outcome-aborted = The { $side } aborted with alert { $alert }: { $reason }
step-failure = The { $side } gave up here: { $alert } ({ $reason })

## Steps: a title and a plain-words explanation per step name
step-client_hello = ClientHello: the browser says hello
step-client_hello-explain = The browser opens the conversation in the clear. It sends a fresh random number, the TLS versions and cipher suites it supports, the name of the site it wants (server_name) and a new public key share for ECDHE. Its private half never leaves the browser.
step-server_hello = ServerHello: the server picks and answers
step-server_hello-explain = The server picks TLS 1.3 and one cipher suite and sends its own random number and public key share. Each side now combines its private key with the other's public key and gets the same shared secret; the eavesdropper saw both public keys but cannot compute it. From here on everything is encrypted.
step-encrypted_extensions = EncryptedExtensions: the rest of the settings
step-encrypted_extensions-explain = The first encrypted message, protected with the server's handshake key. It carries the settings that do not need to be public, such as the application protocol (http/1.1).
step-certificate = Certificate: who the server claims to be
step-certificate-explain = The server sends its certificate: its name (bank.example), its public signing key, and a signature from a certificate authority the browser trusts. The browser checks the signature, the name and the dates. This proves the key belongs to the name, not yet that the server holds the key.
step-certificate_verify = CertificateVerify: proof of the private key
step-certificate_verify-explain = The server signs a hash of every handshake message so far with the private key that matches its certificate. Only the real owner of the certificate can make this signature, and because it covers this handshake's key shares, an attacker cannot replay an old one.
step-server_finished = Finished (server): the handshake is intact
step-server_finished-explain = The server sends a MAC over the whole handshake, keyed from the handshake secret. If anyone had changed a single byte of the earlier messages, the browser's own MAC would differ and it would stop. The server can now derive the application keys.
step-client_finished = Finished (client): the browser agrees
step-client_finished-explain = The browser checks the server's Finished and sends its own MAC over the handshake. Both sides have now proved they saw the same messages and hold the same secrets; the handshake is complete.
step-http_request = The login request, encrypted
step-http_request-explain = The browser sends POST /login with the username, password and card number, encrypted with the client's application key. On the wire it is just ciphertext of about the same length.
step-http_response = The bank's answer, encrypted
step-http_response-explain = The server answers the login, encrypted with the server's application key. The browser decrypts it and checks its authentication tag, so a changed byte would be detected.
step-client_close_notify = close_notify (client): the browser says goodbye
step-client_close_notify-explain = The browser sends an encrypted close_notify alert: it will send no more data. This lets the server tell a clean end from a connection cut by an attacker.
step-server_close_notify = close_notify (server): the server says goodbye
step-server_close_notify-explain = The server answers with its own close_notify. The connection ends cleanly in both directions.
step-client_alert = Alert from the browser: something is wrong
step-client_alert-explain = The browser found a problem (a certificate it cannot trust, a wrong MAC, a damaged message) and sends a fatal alert naming it. The connection stops here: nothing more is sent or accepted on it.
step-server_alert = Alert from the server: something is wrong
step-server_alert-explain = The server found a problem with what it received (a message that does not decrypt or does not parse, a wrong Finished) and sends a fatal alert naming it. The connection stops here.
step-unknown = { $name }
step-unknown-explain = No explanation has been written for this step yet.

## Lessons (lesson list, lesson panel, lesson mode)
lessons-button = Lessons
lessons-button-hint = Show or hide the list of lessons
lessons-heading = Lessons
lessons-back-to-lesson = Back to the lesson
lessons-close-list = Close
lessons-open = { $id }: { $title }
lessons-open-broken = { $id }: this lesson has a problem
lessons-progress = { $seen } of { $n } steps seen
lessons-progress-done = done: all { $n } steps seen
lessons-from-teacher = (from your lessons folder)
lessons-broken = This lesson has a problem:
lessons-broken-hint = Fix the file, then start Handshake Lab again. Every other lesson still works.
lessons-all = All lessons
lessons-leave = Leave the lesson
lessons-position = Lesson step { $k } of { $n }
lessons-stale = This lesson does not fit the inputs typed; it shows the values of the last inputs it fitted ({ $error }).
lessons-look-at = Look at: { $panel }
lessons-elsewhere = The session shows another message than this lesson step.
lessons-realign = Back to the lesson's message
lessons-question = Question
lessons-answer = Answer
lessons-reveal = Show the answer
lessons-keys-hint = Right or Space: next step. Left: back. Home: first. End: last.
lessons-focus-tag = The lesson points here
lessons-panel-sequence = the conversation (left)
lessons-panel-inspector = the message's bytes and fields (middle)
lessons-panel-keys = the Keys panel (right)
lessons-panel-certificate = the Certificate panel (right)
lessons-panel-eavesdropper = the Eavesdropper panel (right)
lessons-panel-inputs = the inputs at the top (password, server name, seed)

## Lessons: the two HTTP steps when the session is plain HTTP (lesson 1)
step-http_request-plain = The login request, in the clear
step-http_request-plain-explain = The browser sends POST /login with the username, password and card number as plain text. Anyone on the wire reads it as it is.
step-http_response-plain = The bank's answer, in the clear
step-http_response-plain-explain = The server answers the login as plain text. Anyone on the wire reads it, and could change it.

## Accessibility, keyboard and language (issue 7: help overlay, regions, screen
## readers, language choice)
settings-language = Language:
settings-language-name = English
settings-language-hint = The language of the window and of the lessons
help-button = Shortcuts (F1)
help-button-hint = Every keyboard shortcut
help-heading = Keyboard shortcuts
help-close = Close
help-screen-reader = With a screen reader: every control has a name; each new step is announced with its title and explanation; in the inspector a field reads as its name, value and meaning; in the Keys panel "Read value" reads a secret's value.
help-regions = The regions:
help-region-line = Alt+{ $n }: { $region }
help-keys-help = ? or F1
help-do-help = this help (Escape closes it)
help-keys-tab = Tab, Shift+Tab
help-do-tab = next or previous control
help-keys-regions = F6, Shift+F6
help-do-regions = next or previous region of the window
help-keys-region-n = Alt+1 to Alt+6
help-do-region-n = straight to a region (listed below)
help-keys-next = Right, Space, Page Down
help-do-next = next step
help-keys-back = Left, Page Up
help-do-back = previous step
help-keys-first-last = Home, End
help-do-first-last = first step, last step
help-keys-activate = Enter, Space
help-do-activate = press the focused button or choose the focused item (Space steps when nothing has the focus)
help-keys-up-down = Up, Down
help-do-up-down = the control above or below (in the conversation: the previous or next message; Enter shows it)
help-keys-escape = Escape
help-do-escape = leave the focused control, so that Left, Right, Home and End step again
help-keys-inspector-fields = Up, Down in the inspector
help-do-inspector-fields = previous or next field of the message
help-keys-inspector-bytes = Left, Right, Home, End in the inspector
help-do-inspector-bytes = previous or next byte, first or last byte (the field follows the byte)
a11y-region-lesson = the lesson
a11y-region-inputs = the top bar (lessons, inputs, settings)
a11y-region-sequence = the conversation
a11y-region-inspector = the inspector (fields and bytes)
a11y-region-side = the side panel (keys, eavesdropper, certificate)
a11y-region-controls = the step controls
a11y-announcement = The step shown
a11y-field = { $name } = { $value }. { $meaning }. { $bytes }
a11y-field-no-value = { $name }. { $meaning }. { $bytes }
a11y-byte = Byte { $offset }
a11y-inspector-cursor = The fields of this message: press Up or Down to choose a field
a11y-inspector-keys = Up and Down: previous and next field. Left and Right: previous and next byte. Home and End: first and last byte.
a11y-read-value-of = Read the value of { $name }
a11y-hide-value-of = Hide the value of { $name }
keys-read-value = Read value
keys-hide-value = Hide value
keys-value-of = { $name } ({ $len } bytes): { $hex }
