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
inspector-field-bytes = bytes { $start }..{ $end } ({ $len ->
    [one] 1 byte
   *[other] { $len } bytes
})
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
obs-group_requested = group requested (HelloRetryRequest)

## Certificate
cert-heading = The server's certificate chain
cert-not-yet = The server has not sent its certificate yet.
cert-root = Root CA (trusted by the browser)
cert-server = Server certificate
cert-subject = Subject
cert-issuer = Issuer
cert-serial = Serial
cert-san = Names (SAN)
cert-san-none = none (a CA certificate names no site)
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

## Slides (issue 5): export a lesson as PNG slides; the caption a slide carries
slides-caption-step = Step { $number } of { $count }: { $title }
slides-open = Export lesson as slides…
slides-open-hint = One PNG per step of a lesson, in presentation mode, with the lesson and step titles on each
slides-window-title = Export lesson as slides
slides-lesson = Lesson
slides-size = Size
slides-size-default = { $size } (default)
slides-folder = Folder
slides-export = Export
slides-cancel = Cancel
slides-progress = Slide { $done } of { $total }
slides-done = Wrote { $count } slides to { $folder }
slides-failed = Export failed: { $reason }
slides-cancelled = Cancelled: no slides were written.
slides-no-lessons = No lesson could be loaded

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

## Scenario choice and per-scenario step texts (app3: scenarios)
## A step's text is looked up as step-<scenario>-<step> first, then step-<step>;
## key-compromise's tls12_/tls13_ steps use the tls12-rsa and https texts.
scenario-label = Scenario
scenario-hint = Which login to simulate: the same inputs, another protocol or an attack
scenario-name-http = HTTP: no encryption
scenario-name-https = HTTPS: TLS 1.3 (default)
scenario-name-tamper = Tamper: a byte changed on the wire
scenario-name-mitm = Man in the middle
scenario-name-wrong-host = Certificate for another site
scenario-name-expired = Expired certificate
scenario-name-tls12-rsa = TLS 1.2 with RSA key transport
scenario-name-key-compromise = Key stolen later: forward secrecy
scenario-name-hrr = HelloRetryRequest: the server asks again
scenario-explain-http = The login over plain HTTP: anyone on the wire reads every byte.
scenario-explain-https = The login over HTTPS: TLS 1.3 with an ECDHE key exchange; the eavesdropper sees only ciphertext.
scenario-explain-tamper = An attacker flips one bit of the encrypted login on its way; the server's AEAD check catches it.
scenario-explain-mitm = An attacker sits in the middle and runs one handshake with each side, but its certificate comes from a CA the browser does not trust.
scenario-explain-wrong-host = The server's certificate is valid but names another site than the one visited.
scenario-explain-expired = The server's certificate ran out before the simulated date.
scenario-explain-tls12-rsa = The classic TLS 1.2 handshake: the browser encrypts the premaster secret with the server's RSA key.
scenario-explain-key-compromise = An eavesdropper records a TLS 1.2 RSA login and a TLS 1.3 login, then steals the server's private keys: the first decrypts, the second does not.
scenario-explain-hrr = The browser sends no key share: the server asks again with a HelloRetryRequest, then the login goes on. One extra round trip.
sequence-attacker = Attacker (in the middle)
sequence-arrow-no-record = { $k }. { $message } (nothing on the wire)
cert-none-http = Plain HTTP has no certificate: nothing tells the browser who answers.

step-http-http_request = The login request, in the clear
step-http-http_request-explain = Over plain HTTP the browser sends POST /login with the username, password and card number as readable text. Anyone on the wire (Wi-Fi, router, provider) can read and even change them.
step-http-http_response = The bank's answer, in the clear
step-http-http_response-explain = The bank's answer is readable text too, and nothing proves it came from the bank or arrived unchanged.

step-tamper-http_request = The login request, changed on the way
step-tamper-http_request-explain = The browser sends the encrypted login, but the attacker flips one bit of it on the wire. The attacker cannot read the ciphertext, and it cannot fix the authentication tag either, because that needs the key.
step-tamper-server_alert = bad_record_mac: the server notices
step-tamper-server_alert-explain = The server decrypts the changed record and the AEAD tag does not match, so it refuses the whole record and sends a bad_record_mac alert. The changed login never reaches the bank's application.

step-wrong-host-certificate = Certificate: issued for another name
step-wrong-host-certificate-explain = The server sends a certificate signed by a trusted authority, but for another site than the one the browser asked for. A valid signature is not enough: the name must match too.
step-wrong-host-client_alert = bad_certificate: the name does not match
step-wrong-host-client_alert-explain = The browser compares the names in the certificate with the site it visits, finds no match and stops with a bad_certificate alert, before sending anything secret.
step-expired-certificate = Certificate: past its end date
step-expired-certificate-explain = The server sends a certificate signed by a trusted authority, but its validity period ended before today's (simulated) date.
step-expired-client_alert = certificate_expired: too old to trust
step-expired-client_alert-explain = The browser checks the dates in the certificate, finds that it has expired and stops with a certificate_expired alert. The login is never sent.

step-mitm-client_hello = ClientHello: caught by the attacker
step-mitm-client_hello-explain = The browser says hello to the bank, but the attacker in the middle intercepts it. The browser cannot tell: on the wire, nothing says who will answer.
step-attacker_client_hello = The attacker says hello to the bank
step-attacker_client_hello-explain = The attacker opens its own connection to the real bank, with its own random number and its own key share, as if it were an ordinary browser.
step-attacker_server_hello = The attacker answers as the bank
step-attacker_server_hello-explain = The attacker answers the browser with its own key share. The browser and the attacker now share a secret: the key exchange works, but it only proves "same secret", not "who".
step-attacker_encrypted_extensions = EncryptedExtensions from the attacker
step-attacker_encrypted_extensions-explain = The attacker sends the usual settings, encrypted with the keys it shares with the browser.
step-attacker_certificate = The attacker's certificate
step-attacker_certificate-explain = The attacker presents a certificate for the bank's name, but issued by its own "Evil Proxy CA". The browser does not trust that authority.
step-attacker_certificate_verify = CertificateVerify from the attacker
step-attacker_certificate_verify-explain = The attacker signs the handshake with its own key. The signature itself is correct: the problem is whose key it is.
step-attacker_server_finished = Finished from the attacker
step-attacker_server_finished-explain = The attacker completes its half of the handshake with the browser. Encryption alone has not stopped it.
step-mitm-server_hello = ServerHello: the bank answers the attacker
step-mitm-server_hello-explain = The real bank answers the attacker's hello. The attacker and the bank now share a second, different secret: one key exchange with each side.
step-mitm-encrypted_extensions = EncryptedExtensions from the bank
step-mitm-encrypted_extensions-explain = The bank's settings, encrypted with the keys it shares with the attacker.
step-mitm-certificate = The bank's real certificate, to the attacker
step-mitm-certificate-explain = The bank sends its genuine certificate, but to the attacker. The attacker cannot pass it on to the browser: it does not have the bank's private key to sign with.
step-mitm-certificate_verify = CertificateVerify from the bank
step-mitm-certificate_verify-explain = The bank proves to the attacker that it holds its private key.
step-mitm-server_finished = Finished from the bank
step-mitm-server_finished-explain = The bank completes its half of the handshake with the attacker.
step-mitm-client_alert = unknown_ca: the browser stops the attacker
step-mitm-client_alert-explain = The browser checks the attacker's certificate, finds it was issued by an authority it does not trust and sends unknown_ca. Authentication, not encryption, is what stopped the attack: no password was sent.
step-attacker_client_finished = The attacker finishes with the bank
step-attacker_client_finished-explain = The attacker completes its handshake with the bank, but it has nothing to forward: the browser has already hung up.
step-attacker_client_close_notify = The attacker closes the bank connection
step-attacker_client_close_notify-explain = The attacker says goodbye to the bank with close_notify.
step-mitm-server_close_notify = The bank says goodbye
step-mitm-server_close_notify-explain = The bank answers with close_notify. The attacker learned nothing about the login.

step-tls12-rsa-client_hello = ClientHello (TLS 1.2)
step-tls12-rsa-client_hello-explain = The browser offers TLS 1.2 and the cipher suite TLS_RSA_WITH_AES_128_GCM_SHA256, with a fresh random number. Unlike TLS 1.3, there is no key share: the key will travel later, encrypted.
step-tls12-rsa-server_hello = ServerHello (TLS 1.2)
step-tls12-rsa-server_hello-explain = The server picks TLS 1.2 and the RSA cipher suite and sends its own random number. Nothing is encrypted yet.
step-tls12-rsa-certificate = Certificate, in the clear
step-tls12-rsa-certificate-explain = The server sends its certificate with its RSA public key. In TLS 1.2 it is not encrypted, so the eavesdropper sees which certificate the site uses. The browser checks signature, name and dates.
step-tls12-rsa-server_hello_done = ServerHelloDone
step-tls12-rsa-server_hello_done-explain = The server says it has nothing more to send for now: the browser's turn.
step-tls12-rsa-client_key_exchange = ClientKeyExchange: the secret, encrypted with RSA
step-tls12-rsa-client_key_exchange-explain = The browser makes a random premaster secret and encrypts it with the server's RSA public key. Only the holder of the private key can open it. Both sides turn it into the master secret and the session keys. Anyone who steals that private key later can open it too.
step-tls12-rsa-client_change_cipher_spec = ChangeCipherSpec (client)
step-tls12-rsa-client_change_cipher_spec-explain = A one-byte message: from the next record on, the browser encrypts with the new session keys.
step-tls12-rsa-client_finished = Finished (client), encrypted
step-tls12-rsa-client_finished-explain = The browser's first encrypted message: a MAC over the whole handshake, computed from the master secret. The server checks it to be sure both saw the same messages.
step-tls12-rsa-server_change_cipher_spec = ChangeCipherSpec (server)
step-tls12-rsa-server_change_cipher_spec-explain = The server, too, switches to the new session keys from the next record on.
step-tls12-rsa-server_finished = Finished (server), encrypted
step-tls12-rsa-server_finished-explain = The server's MAC over the handshake. Only a server that could decrypt the premaster secret, so one holding the certificate's private key, can compute it: this is how TLS 1.2 RSA authenticates the server.
step-tls12-rsa-http_request = The login request, encrypted (TLS 1.2)
step-tls12-rsa-http_request-explain = The browser sends POST /login encrypted with its session write key (AES-128-GCM). On the wire it is just ciphertext.
step-tls12-rsa-http_response = The bank's answer, encrypted (TLS 1.2)
step-tls12-rsa-http_response-explain = The bank answers with the server's session write key; the browser checks the tag and decrypts it.

step-stolen_key_tls12_rsa = Stolen key against the recorded TLS 1.2 login
step-stolen_key_tls12_rsa-explain = Later, the attacker steals the server's RSA private key. From the recorded wire it takes the encrypted premaster secret, decrypts it with the stolen key, computes the session keys and reads the whole login. There is no forward secrecy.
step-stolen_key_tls13_ecdhe = Stolen key against the recorded TLS 1.3 login
step-stolen_key_tls13_ecdhe-explain = The same stolen key does not help against TLS 1.3: the certificate key only signed the handshake, and the traffic keys came from ECDHE private keys that were thrown away and never crossed the wire. The recording stays ciphertext: this is forward secrecy.

step-hello_retry_request = HelloRetryRequest: the server asks again
step-hello_retry_request-explain = The server found no key share it can use in the ClientHello. Instead of giving up, it answers with a HelloRetryRequest: a ServerHello with a special fixed random that names the group it wants (selected_group, here secp256r1). Nothing is encrypted yet and no key is agreed: the browser must say hello again.
step-hrr-client_hello = ClientHello: no key share this time
step-hrr-client_hello-explain = The browser says hello as usual (random, versions, cipher suites, server_name, supported groups) but its key_share list is empty: it offers secp256r1 without sending a public key for it. The server cannot compute a shared secret from this.
step-hrr-client_hello_2 = ClientHello again, now with a key share
step-hrr-client_hello_2-explain = The browser sends the same ClientHello again: the same random and the same offers, and now one public key share for the group the server asked for. The server checks that nothing else changed. Both sides replace the first ClientHello in the transcript by its hash (message_hash), so the Finished MACs still cover it.

## Decryption attempts (app3: key-compromise view)
attempt-heading = The attacker's attempt with the stolen key
attempt-target = Target: { $target }
attempt-stolen-key = Stolen key: { $key }
attempt-stages = What the attacker did
attempt-result-yes = Result: DECRYPTED, the recorded login is readable
attempt-result-no = Result: NOT decrypted, the recording stays ciphertext
attempt-missing = What it was missing: { $missing }
attempt-plaintexts = What it read
attempt-none-yet = The attacker has not tried the stolen key yet: step to the end.

## Wire editor (app3: issue 6 item 2)
editor-open = Edit this record on the wire
editor-open-hint = Pause this record between sender and receiver, change any of its bytes, and deliver it
editor-heading = Wire editor: you are the attacker on the wire
editor-explain = The record is paused between sender and receiver. Change any bytes (two hex digits each; spaces and line breaks do not matter), then deliver it and watch what the receiver does.
editor-field = Bytes to deliver (hex, { $len } bytes)
editor-unchanged = No byte changed yet: delivering sends the record as it was.
editor-changed = { $n } byte(s) changed.
editor-error-not-hex = Character { $pos } ("{ $char }") is not a hex digit: use 0-9 and a-f.
editor-error-odd = An odd number of hex digits: each byte needs two.
editor-error-length = The record has { $want } bytes but { $got } were typed: change bytes, do not add or remove them.
editor-deliver = Deliver
editor-reset = Back to the bytes sent
editor-as-delivered = As delivered last time
editor-cancel = Cancel
editor-undo-all = Undo all wire edits
editor-pending = You are editing record { $record } (not shown at this step).
editor-pending-go = Go to it
editor-result-heading = What your wire edits did
editor-result-record = Record { $record }, byte: new value: { $bytes }
editor-result-check = FAILED check by the { $side }: { $check } ({ $detail })
editor-result-failure = The { $side } refused it at { $step }: { $reason }
editor-result-accepted = Nothing noticed the change: the receiver ignores these bytes (or, on plain HTTP, cannot check anything).
editor-result-alert = Alert sent: { $alert } (code { $code }) by the { $side }, record { $record }
editor-result-alert-inner = Decrypted inner plaintext of the alert (level, description, content type 21)
editor-go-alert = Show the alert record

## Key exchange from both sides, derivation details (app3)
kx-heading = The key exchange, seen from both sides
kx-explain = Each side combines its own private key (never sent) with the other side's public key (sent in the clear). The two results are the same bytes: that is the shared secret. The eavesdropper has both public keys but neither private key.
kx-side = The { $side } (with the { $peer })
kx-own-private = its own private key (secret, never on the wire)
kx-peer-public = the { $peer }'s public key (from the wire)
kx-result = gives, by { $function }:
kx-waiting = The { $side } has not computed its side yet.
kx-unseen = The { $side } is a real program: its private key never leaves it, so the lab sees only its public key. It computes the same secret from its side.
kx-match = Identical: all { $n } bytes match. Both sides now hold the same secret.
kx-mismatch = Different: only { $same } of { $n } bytes match.
keys-label-prf = Label (PRF)
keys-derive-secret-is = Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length)
keys-hkdf-length = length: { $n } bytes (2 bytes: { $hex })
keys-hkdf-label-part = label: "{ $label }" (1 length byte, then { $n } bytes of text: { $hex })
keys-hkdf-context-part = context: { $n } bytes (1 length byte, then the context)

## Screenshot and zoom (app3)
shot-button = Screenshot (F12)
shot-hint = Save the window as a PNG in { $folder }
shot-saved = Screenshot saved: { $path }
shot-failed = Could not save the screenshot in { $folder }: { $reason }. The picture is kept: make the folder writable (or set { $env } to another folder and restart), then try again.
shot-retry = Try again
shot-dismiss = Dismiss
zoom-level = Zoom { $percent } % (Ctrl +, Ctrl -, Ctrl 0)
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

## The live source: real browsers log in to the lab's bank
live-button = Live
live-button-hint = Visit a real server with the lab's browser, or let real browsers on this machine log in to the lab's bank; step through either handshake
live-heading = Real browsers visit the lab's bank
live-intro = The lab's bank listens on this machine. Log in with your own browser, curl or any TLS client, then pick the connection to step through it. The server knows every key of the session.
live-port = Port
live-start = Start listening
live-stop = Stop listening
live-error = Could not start: { $reason }
live-listening = Listening on
live-ca = The lab's root certificate: { $path }
live-trust-browser = Browsers: import it as a certificate authority, or open the address and accept the warning (the lesson is in that warning too).
live-trust-curl = curl:
live-recorded-in = Every connection is also saved in { $folder }
live-none-yet = No connection yet.
live-open = still open
live-connections = Connections ({ $n }), newest first
live-client-unknown = unknown client
live-connection = { $number }  { $time }  { $client } ({ $address }): { $outcome }
scenario-name-live = Live: a real connection
scenario-explain-live = A real session: a real browser's or tool's with the lab's bank (recorded by the live server), or the lab's browser's with a real server.
step-live-client_change_cipher_spec = ChangeCipherSpec: a leftover for old middleboxes
step-live-client_change_cipher_spec-explain = A one-byte record that TLS 1.3 ignores. Browsers send it so that old network equipment, which expects TLS 1.2, lets the connection through (RFC 8446, appendix D.4).
eaves-live-heading = This client's hello, as anyone on the wire reads it
eaves-live-ja4 = Its JA4 fingerprint (the same for every connection from the same program and version):
eaves-live-offered = the client offered
eaves-live-chosen = the server chose
eaves-live-versions = versions
eaves-live-suites = cipher suites
eaves-live-shares = key shares
eaves-live-groups = groups
eaves-live-schemes = signatures
eaves-live-alpn = ALPN

## Visiting a real server: the lab's browser connects (the live panel's upper half)
visit-heading = Visit a real server
visit-intro = The lab's browser visits an HTTPS address you type and records the whole session: every record, every key it derives, the certificate chain it checks. Then step through it like the lab's own bank.
visit-address = Address
visit-address-hint = https://example.com/
visit-ca-file = Trusted CA file (PEM)
visit-ca-file-hint = empty: this computer's own trust store
visit-button = Visit
visit-running = Visiting { $address } …
visit-recent = Visits ({ $n }), newest first
visit-entry = { $number }  { $time }  { $address } ({ $peer }): { $outcome }
visit-error-url = { $address } is not an address the browser can visit: { $reason }
visit-error-ca = The CA file { $file } cannot be used: { $reason }
visit-error-randomness = This computer gave no randomness for the session's keys: { $reason }
visit-error-resolve = The name { $host } was not found: { $reason }
visit-error-connect = Could not connect to { $host } port { $port }: { $reason }
visit-error-timeout = { $address } did not answer in time: gave up after { $seconds } s while { $stage }
visit-error-broken = The connection to { $address } broke while { $stage }: { $reason }
visit-error-thread = The visit could not start: { $reason }
visit-error-stopped = The visit stopped without an answer.
visit-stage-resolving = looking up the name
visit-stage-connecting = connecting
visit-stage-writing = sending
visit-stage-reading = waiting for the server
visit-negotiation-heading = What the lab's browser offered, and what { $host } chose
visit-nothing-chosen = The server chose nothing: it sent no ServerHello.
visit-offered = offered:
visit-chosen = chosen:
visit-chosen-none = none yet
visit-suites = Cipher suite
visit-groups = Key exchange group
visit-shares = Key shares sent along, and whether the server asked again
visit-retry-yes = HelloRetryRequest: none suited, it asked for { $group }
visit-retry-no = no HelloRetryRequest: one of them suited
visit-schemes = Signature scheme
step-server_new_session_ticket = NewSessionTicket: a ticket for next time
step-server_new_session_ticket-explain = After the handshake the server hands the browser a ticket, encrypted with the application keys. Showing it on a later visit would let both skip most of the handshake (resumption). The lab's browser keeps no tickets: it shows this one and does not use it.
cert-chain-intro = Every certificate the server sent, the site's own first, then the root the browser already trusted, where its path ended.
cert-chain-leaf = { $n } of { $total } sent: the site's own certificate
cert-chain-intermediate = { $n } of { $total } sent: an intermediate CA
cert-chain-anchor = Trust anchor: a root the browser already had
cert-chain-no-anchor = No trust anchor: no certificate the browser trusts issued this chain.
cert-chain-none-sent = The server sent no certificate.
cert-key = Public key
cert-signed-with = Signed by the issuer with
cert-extensions = Extensions ({ $n })
cert-extensions-none = none
cert-extension-critical = critical
visit-error-no-address = Type an address first, such as https://localhost:8443/ for the lab's own bank.
cert-extension-critical-hint = A browser that does not understand a critical extension must reject the certificate.
visit-error-not-https = { $address } is not HTTPS: the lab's browser visits https:// addresses only.
visit-error-session = The recorded session cannot be shown: { $reason }
