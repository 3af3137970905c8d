# Core words (wire): en. Keys must match between en and de.
# What the inspector says about each field of a record (src/wire, src/http): the
# `meaning` of a field and the `value` where it holds words. RFC names of messages,
# fields, extensions and alerts are arguments or stay as they are; counts use plurals.

## Sizes and counts (field values)
wire-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
# The size of a payload (a record's content, a certificate, a key).
wire-payload-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
wire-count-methods = { $n ->
    [one] { $n } method
   *[other] { $n } methods
}
wire-count-entries = { $n ->
    [one] { $n } entry
   *[other] { $n } entries
}
wire-count-certificates = { $n ->
    [one] { $n } certificate
   *[other] { $n } certificates
}
wire-count-extensions = { $n ->
    [one] { $n } extension
   *[other] { $n } extensions
}
wire-count-shares = { $n ->
    [one] { $n } share
   *[other] { $n } shares
}
wire-empty = empty
wire-code-unknown = { $code } (unknown)
wire-cert-entry-value = { $n }-byte certificate
wire-unparseable = { $reason }

## Handshake messages (what each one is for)
wire-msg-client-hello = the client's opening message: what it supports, plus its key share
wire-msg-server-hello = the server's choices, plus its key share; everything after it is encrypted
wire-msg-new-session-ticket = a ticket the client can use to resume the session later
wire-msg-encrypted-extensions = the server's remaining choices, already encrypted
wire-msg-certificate = the sender's certificate chain: who it is, vouched for by an authority
wire-msg-server-key-exchange = TLS 1.2: the server's key-exchange parameters
wire-msg-certificate-request = the server asks the client for a certificate
wire-msg-server-hello-done = TLS 1.2: the server has finished its hello messages
wire-msg-certificate-verify = a signature proving the sender owns its certificate's private key
wire-msg-client-key-exchange = TLS 1.2: the client's part of the key exchange
wire-msg-finished = a check value proving both sides saw the same handshake
wire-msg-key-update = the sender switches to fresh keys
wire-msg-unknown = a handshake message type this lab does not decode

## Handshake fields
wire-handshake-type = handshake message type: { $what }
wire-handshake-length = the rest of this { $what } is { $size } long
wire-length-prefix = the next { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
    } are the { $of }
wire-legacy-version-tls12 = 0x0303 = TLS 1.2, frozen for compatibility; the real version is in supported_versions
wire-legacy-version-other = { $version }: a TLS 1.3 sender always writes 0x0303 here; the real version is in supported_versions
wire-session-id-empty = empty: TLS 1.3 does not use session IDs
wire-session-id-client = a leftover from TLS 1.2, kept so old middleboxes let the connection through
wire-session-id-client-bytes = random bytes that make this look like a TLS 1.2 session resumption
wire-session-id-echo = a copy of the client's legacy_session_id, as TLS 1.2 middleboxes expect
wire-session-id-echo-bytes = the same bytes the client sent
wire-client-random = 32 random bytes from the client; mixed into every key
# Kept word for word for the command line's stable output (also for one suite).
wire-client-suites = { $n ->
    [one] the one cipher suite the client can use
   *[other] the { $n } cipher suites the client can use, most preferred first
}
wire-compression-methods = a leftover: TLS 1.3 requires exactly one entry, 0 (no compression)
wire-compression-null = 0 = no compression (compressing before encrypting leaked secrets in the CRIME attack)
wire-compression-deflate = DEFLATE compression: not allowed in TLS 1.3
wire-compression-other = a compression method TLS 1.3 does not allow
wire-server-random-hrr = this special value marks a HelloRetryRequest: the server asks the client to try again
wire-server-random-downgrade-tls12 = 32 random bytes from the server, ending in "DOWNGRD" 1: it could speak TLS 1.3 but chose TLS 1.2
wire-server-random-downgrade-tls11 = 32 random bytes from the server, ending in "DOWNGRD" 0: it could speak TLS 1.3 but chose an older version
wire-server-random = 32 random bytes from the server; mixed into every key
wire-server-suite = the server picked { $suite }
wire-cert-context-empty = empty: this certificate was not asked for by a CertificateRequest
wire-cert-context = echoes the CertificateRequest this certificate answers
wire-cert-context-bytes = the request's identifier
wire-cert-entry-own = the sender's own certificate
wire-cert-entry-authority = a certificate of an authority higher up the chain
wire-cert-data-own = the sender's certificate (X.509, DER, { $size }): its name and public key, signed by an authority
wire-cert-data-authority = an authority's certificate (X.509, DER, { $size }) that vouches for the one before it
wire-cert-list = the chain: the sender's certificate first, then the authorities that vouch for it
wire-signature-scheme-used = the signature scheme used: { $scheme }
wire-signature = a signature over the handshake so far, made with the certificate's private key
wire-signature-bytes = only the owner of the certificate's private key could have made this signature
wire-ecdsa-sequence = DER: a SEQUENCE holding the two numbers r and s that make up an ECDSA signature
wire-ecdsa-r = the first number of the signature (a DER INTEGER: tag, length, value)
wire-ecdsa-s = the second number of the signature (a DER INTEGER: tag, length, value)
wire-verify-data = an HMAC of the whole handshake so far: proves both sides saw the same messages and hold the same keys
wire-unknown-body = this lab shows this message's bytes without decoding them field by field
wire-nst-lifetime = how long the client may keep the ticket to resume this session later (RFC 8446 caps it at 7 days); the lab's browser keeps none: every visit is a full handshake
wire-nst-lifetime-value = { $seconds } s ({ $hours } h)
wire-nst-age-add = a random number the client adds to the ticket's age when it resumes, so an eavesdropper cannot link the resumption to this connection
wire-nst-nonce = makes each ticket's pre-shared key different: PSK = HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length)
wire-nst-ticket = the ticket itself: opaque to the client (typically the server's session state, encrypted under a key only the server knows); the client would send it back in pre_shared_key to resume
wire-nst-extensions = extensions of the ticket (early_data: how much 0-RTT data the server would accept)
wire-key-update-request = the sender now encrypts under its next traffic secret (HKDF-Expand-Label(secret, "traffic upd", "", Hash.length)); update_requested asks the peer to move on too

## TLS 1.2 (the history lesson)
wire-premaster-encrypted = the secret all keys come from, encrypted with the server's RSA public key
wire-premaster-encrypted-bytes = whoever gets the server's private key, even years later, can decrypt this and read the whole session
wire-tls12-cert-server = the server's certificate (X.509, DER, { $size }): its name and RSA public key
wire-tls12-cert-list = the chain: the server's certificate first, then the authorities that vouch for it

## Extensions
wire-name-meaning = { $name }: { $meaning }
wire-grease = GREASE: a deliberately meaningless value that checks servers ignore what they don't know
wire-unknown-suite = { $code }: a cipher suite this lab does not know
wire-unknown-group = { $code }: a group this lab does not know
wire-unknown-scheme = { $code }: a signature scheme this lab does not know
wire-unknown-extension = an extension this lab does not know
wire-unknown-version = a version number this lab does not know
wire-entries-by-preference = { $count }, in order of preference
wire-extension-type = says which extension follows: { $name }
wire-extensions = optional features and parameters; TLS 1.3 negotiates almost everything here
wire-selected-version = the server picked this version: { $version }
wire-hrr-selected-group = the server asks again: send a key share for this group: { $group }
wire-client-shares = one public key for each group the client guesses the server will pick
wire-extension-data-skipped = this lab does not use this extension: its bytes are kept and skipped
wire-host-name-ascii = the website's name, in plain text for anyone on the path to read
wire-host-name-unicode = the website's name; real names are plain ASCII (international ones use punycode)
wire-host-name = the host name of the website
wire-server-name-entry = one name entry
wire-name-type-host = the entry is a DNS host name
wire-server-name-list = the list of names; in practice exactly one host name
wire-alpn-http11 = HTTP/1.1, the classic web protocol
wire-alpn-h2 = HTTP/2
wire-alpn-h3 = HTTP/3
wire-alpn-other = the protocol "{ $name }"
wire-alpn-name = one application protocol name
wire-alpn-client = the protocols the client can speak inside, in order of preference
wire-alpn-server = the protocol the server picked
# $side is "client" or "server".
wire-key-p256 = the { $side }'s P-256 public key (uncompressed point, 65 bytes)
wire-key-legacy-form = 4 = uncompressed point: both coordinates follow
wire-key-x = the point's x coordinate on the curve
wire-key-y = the point's y coordinate on the curve
wire-key-x25519 = the { $side }'s X25519 public key (32 bytes)
wire-key-other = the { $side }'s public key for { $group } ({ $size })
wire-key-share-entry = a public key for { $group }; only the matching private key can use it

## Records
wire-content-change-cipher-spec = change_cipher_spec: a leftover from TLS 1.2, sent only to keep old middleboxes happy
wire-content-alert = alert: a warning or error message
wire-content-handshake = handshake: messages that set up the connection
wire-content-application-data = application_data: encrypted; the real content type is hidden inside
wire-content-unknown = not a content type TLS defines
wire-record-version-tls12 = 0x0303 = TLS 1.2, frozen for compatibility; receivers ignore it
wire-record-version-tls10 = 0x0301 = TLS 1.0, allowed in a first ClientHello; receivers ignore it
wire-record-version-other = { $version }: receivers ignore this field
wire-record-length = the next { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
    } are this record's payload
wire-encrypted-record = encrypted content plus a 16-byte authentication tag; unreadable without the keys
wire-fragment = the record's content, not encrypted: anyone on the path can read it
wire-change-cipher-spec = a dummy byte; TLS 1.3 ignores it
wire-inner-application-data = the application's data (here: HTTP), readable only after decryption
wire-inner-handshake = handshake messages, hidden from eavesdroppers
wire-inner-alert = an alert, hidden from eavesdroppers
wire-inner-other = the protected content
wire-inner-type = the real content type, { $name }, hidden inside the encryption
wire-inner-zeros = padding: zeros that hide how long the content really is

## Alerts
wire-alert-level-warning = warning: the connection may continue
wire-alert-level-fatal = fatal: the connection ends now
wire-alert-level-unknown = not a level TLS defines
wire-alert-undefined = an alert code that TLS does not define

## HTTP inside the connection
http-unreadable = bytes that do not form a complete HTTP message
http-status-line = status line: the protocol version and the server's verdict
http-request-line = request line: method, path on the server, protocol version
http-header-host = which site the browser asks for
http-header-content-length = how many bytes the body has
http-header-content-type = how the body is encoded
http-header-user-agent = which browser sends the request
http-header-connection = whether the connection stays open
http-header-other = an HTTP header
http-end-of-headers = an empty line ends the headers
http-body = the message body
http-form-password = the password, exactly as typed
http-form-card = the card number
http-form-username = the account name
http-form-other = a form field

## Cipher suites
wire-suite-tls_aes_128_gcm_sha256 = AES-128 in GCM mode for records, SHA-256 for the key schedule
wire-suite-tls_aes_256_gcm_sha384 = AES-256 in GCM mode for records, SHA-384 for the key schedule
wire-suite-tls_chacha20_poly1305_sha256 = ChaCha20-Poly1305 for records, SHA-256 for the key schedule
wire-suite-tls_aes_128_ccm_sha256 = AES-128 in CCM mode for records, SHA-256 for the key schedule
wire-suite-tls_aes_128_ccm_8_sha256 = AES-128 in CCM mode with a short 8-byte tag, SHA-256 for the key schedule
wire-suite-tls_rsa_with_aes_128_cbc_sha = TLS 1.2 and older: RSA key transport (no forward secrecy), AES-128-CBC with HMAC-SHA1
wire-suite-tls_rsa_with_aes_256_cbc_sha = TLS 1.2 and older: RSA key transport (no forward secrecy), AES-256-CBC with HMAC-SHA1
wire-suite-tls_rsa_with_aes_128_cbc_sha256 = TLS 1.2: RSA key transport (no forward secrecy), AES-128-CBC with HMAC-SHA256
wire-suite-tls_rsa_with_aes_128_gcm_sha256 = TLS 1.2: the client encrypts the secret with the server's RSA key (no forward secrecy), AES-128-GCM for records
wire-suite-tls_rsa_with_aes_256_gcm_sha384 = TLS 1.2: the client encrypts the secret with the server's RSA key (no forward secrecy), AES-256-GCM for records
wire-suite-tls_ecdhe_ecdsa_with_aes_128_gcm_sha256 = TLS 1.2: ECDHE key exchange, ECDSA certificate, AES-128-GCM for records
wire-suite-tls_ecdhe_ecdsa_with_aes_256_gcm_sha384 = TLS 1.2: ECDHE key exchange, ECDSA certificate, AES-256-GCM for records
wire-suite-tls_ecdhe_rsa_with_aes_128_gcm_sha256 = TLS 1.2: ECDHE key exchange, RSA certificate, AES-128-GCM for records
wire-suite-tls_ecdhe_rsa_with_aes_256_gcm_sha384 = TLS 1.2: ECDHE key exchange, RSA certificate, AES-256-GCM for records
wire-suite-tls_ecdhe_rsa_with_chacha20_poly1305_sha256 = TLS 1.2: ECDHE key exchange, RSA certificate, ChaCha20-Poly1305 for records
wire-suite-tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256 = TLS 1.2: ECDHE key exchange, ECDSA certificate, ChaCha20-Poly1305 for records
wire-suite-tls_empty_renegotiation_info_scsv = not a real suite: a signal that the client supports secure renegotiation (TLS 1.2)
wire-suite-tls_fallback_scsv = not a real suite: a signal that this is a retry with an older version

## Named groups (key exchange)
wire-group-secp256r1 = the NIST P-256 elliptic curve
wire-group-secp384r1 = the NIST P-384 elliptic curve
wire-group-secp521r1 = the NIST P-521 elliptic curve
wire-group-x25519 = Curve25519 (X25519), a fast elliptic curve
wire-group-x448 = Curve448 (X448), an elliptic curve with a larger security margin
wire-group-ffdhe2048 = classic Diffie-Hellman modulo a 2048-bit prime
wire-group-ffdhe3072 = classic Diffie-Hellman modulo a 3072-bit prime
wire-group-ffdhe4096 = classic Diffie-Hellman modulo a 4096-bit prime
wire-group-ffdhe6144 = classic Diffie-Hellman modulo a 6144-bit prime
wire-group-ffdhe8192 = classic Diffie-Hellman modulo an 8192-bit prime
wire-group-secp256r1mlkem768 = P-256 combined with ML-KEM-768, which resists quantum computers
wire-group-x25519mlkem768 = X25519 combined with ML-KEM-768, which resists quantum computers
wire-group-secp384r1mlkem1024 = P-384 combined with ML-KEM-1024, which resists quantum computers

## Signature schemes
wire-scheme-rsa_pkcs1_sha1 = RSA PKCS#1 v1.5 with SHA-1: legacy, SHA-1 is broken
wire-scheme-ecdsa_sha1 = ECDSA with SHA-1: legacy, SHA-1 is broken
wire-scheme-rsa_pkcs1_sha256 = RSA PKCS#1 v1.5 with SHA-256; TLS 1.3 allows it only inside certificates
wire-scheme-rsa_pkcs1_sha384 = RSA PKCS#1 v1.5 with SHA-384; TLS 1.3 allows it only inside certificates
wire-scheme-rsa_pkcs1_sha512 = RSA PKCS#1 v1.5 with SHA-512; TLS 1.3 allows it only inside certificates
wire-scheme-ecdsa_secp256r1_sha256 = ECDSA on the P-256 curve with SHA-256
wire-scheme-ecdsa_secp384r1_sha384 = ECDSA on the P-384 curve with SHA-384
wire-scheme-ecdsa_secp521r1_sha512 = ECDSA on the P-521 curve with SHA-512
wire-scheme-rsa_pss_rsae_sha256 = RSA-PSS with SHA-256, using an ordinary RSA key
wire-scheme-rsa_pss_rsae_sha384 = RSA-PSS with SHA-384, using an ordinary RSA key
wire-scheme-rsa_pss_rsae_sha512 = RSA-PSS with SHA-512, using an ordinary RSA key
wire-scheme-ed25519 = EdDSA on Curve25519
wire-scheme-ed448 = EdDSA on Curve448
wire-scheme-rsa_pss_pss_sha256 = RSA-PSS with SHA-256, using a PSS-only RSA key
wire-scheme-rsa_pss_pss_sha384 = RSA-PSS with SHA-384, using a PSS-only RSA key
wire-scheme-rsa_pss_pss_sha512 = RSA-PSS with SHA-512, using a PSS-only RSA key

## Extension types
wire-ext-server_name = the name of the website the client wants; sent unencrypted, so eavesdroppers see it
wire-ext-max_fragment_length = asks for smaller records, for devices with little memory
wire-ext-status_request = asks the server to include proof that its certificate is not revoked (OCSP)
wire-ext-supported_groups = the key-exchange groups (curves) the sender can use
wire-ext-ec_point_formats = TLS 1.2: which elliptic-curve point encodings the sender accepts
wire-ext-signature_algorithms = the signature schemes the client accepts from the server
wire-ext-use_srtp = sets up keys for encrypted voice and video (SRTP)
wire-ext-heartbeat = keep-alive messages (the feature behind the Heartbleed bug)
wire-ext-application_layer_protocol_negotiation = which application protocol runs inside the connection (ALPN)
wire-ext-signed_certificate_timestamp = proof that the certificate was published in a public log
wire-ext-client_certificate_type = which kinds of client certificate may be used
wire-ext-server_certificate_type = which kinds of server certificate may be used
wire-ext-padding = filler bytes that change the message size to avoid buggy middleboxes
wire-ext-encrypt_then_mac = TLS 1.2: protect CBC records in a safer order
wire-ext-extended_master_secret = TLS 1.2: tie the master secret to the whole handshake
wire-ext-compress_certificate = lets the server send its certificates compressed
wire-ext-record_size_limit = the largest record the sender wants to receive
wire-ext-session_ticket = TLS 1.2: resume an earlier session with a ticket
wire-ext-pre_shared_key = resume an earlier session with a key both sides remember
wire-ext-early_data = the client sends data before the handshake finishes (0-RTT)
wire-ext-supported_versions = the TLS versions on offer; this is where TLS 1.3 is really negotiated
wire-ext-cookie = a value the server asks the client to echo back
wire-ext-psk_key_exchange_modes = how a resumed session may derive fresh keys
wire-ext-certificate_authorities = the authorities the sender trusts
wire-ext-oid_filters = which certificate extensions the server wants to see
wire-ext-post_handshake_auth = the client may be asked for a certificate later
wire-ext-signature_algorithms_cert = the signature schemes accepted inside certificates
wire-ext-key_share = the sender's half of the Diffie-Hellman key exchange
wire-ext-quic_transport_parameters = settings for the QUIC transport
wire-ext-encrypted_client_hello = an encrypted inner ClientHello that hides the real server name
wire-ext-application_settings = ALPS (a draft Chrome sends): settings for the application protocol, sent early
wire-ext-renegotiation_info = TLS 1.2: protects against a renegotiation attack

## Protocol versions
wire-version-tls13 = TLS 1.3 (2018), the version this lab speaks
wire-version-tls12 = TLS 1.2 (2008), still widely used
wire-version-tls11 = TLS 1.1 (2006), retired in 2021
wire-version-tls10 = TLS 1.0 (1999), retired in 2021
wire-version-ssl30 = SSL 3.0 (1996), broken and retired

## Alert descriptions
wire-alert-close_notify = the sender is done and closes the connection normally
wire-alert-unexpected_message = a message arrived that does not belong at this point
wire-alert-bad_record_mac = a record failed its integrity check: it was changed on the way or the keys differ
wire-alert-record_overflow = a record was longer than TLS allows
wire-alert-handshake_failure = the two sides could not agree on security settings
wire-alert-bad_certificate = a certificate was damaged or its signature did not check out
wire-alert-unsupported_certificate = a certificate was of a type the receiver cannot use
wire-alert-certificate_revoked = a certificate was cancelled by the authority that issued it
wire-alert-certificate_expired = a certificate is outside its validity dates
wire-alert-certificate_unknown = a certificate could not be accepted for some other reason
wire-alert-illegal_parameter = a field had a value that is not allowed here
wire-alert-unknown_ca = the certificate chain does not lead to an authority the receiver trusts
wire-alert-access_denied = the peer is who it claims to be but is not allowed in
wire-alert-decode_error = a message could not be read: a length or format was wrong
wire-alert-decrypt_error = a signature or Finished check failed
wire-alert-protocol_version = the peer wants a TLS version the receiver does not support
wire-alert-insufficient_security = the offered settings are weaker than the receiver requires
wire-alert-internal_error = the sender hit a bug or ran out of resources
wire-alert-inappropriate_fallback = a retry with an older version looked like a downgrade attack
wire-alert-user_canceled = the user stopped the handshake
wire-alert-missing_extension = a required extension was not sent
wire-alert-unsupported_extension = an extension appeared that was not asked for
wire-alert-unrecognized_name = the server does not host the requested name
wire-alert-bad_certificate_status_response = a certificate status (OCSP) answer was invalid
wire-alert-unknown_psk_identity = the pre-shared key named by the client is not known
wire-alert-certificate_required = the server needed a client certificate and got none
wire-alert-no_application_protocol = no application protocol (ALPN) is supported by both sides

## Why bytes are not a valid TLS structure (the detail of a decode error)
wire-error-length-below = length { $len } is below the minimum of { $min }
wire-error-length-above = length { $len } is above the maximum of { $max }
wire-error-length-multiple = length { $len } is not a multiple of { $unit }
wire-error-trailing = { $n } unexpected bytes after the end at offset { $offset }
wire-error-extension-twice = extension { $extension } appears twice in one { $message }
wire-error-extension-not-allowed = { $extension } is not allowed in { $message }
wire-error-two-key-shares = two key shares for group { $group }
wire-error-name-type = name type { $name_type } is not host_name (0)
wire-error-host-not-utf8 = host name is not valid UTF-8 text
wire-error-two-host-names = more than one host_name
wire-error-one-protocol = the server must pick exactly one protocol, not { $n }
wire-error-verify-data-empty = verify_data is empty
wire-error-only-zeros = only zeros: no content type found
