# Core words (session): en. Keys must match between en and de.
#
# What the simulated session says: the endpoints' checks (check-), why an endpoint gave
# up (error-), what the eavesdropper reads (tap-), the stolen-key attempts (attempt-)
# and the values a lesson fills in (lesson-). This English is the command line's
# (`handshake-lab trace`): change a word and the trace changes.

## Who takes part, as a word inside a sentence.

who-client = client
who-server = server
who-attacker = attacker

## Check names as a student reads them (lessons name checks by their stable name).

check-name-parse = parse
check-name-issuer = issuer
check-name-signature = signature
check-name-ca = ca
check-name-hostname = hostname
check-name-validity = validity
check-name-key-usage = key_usage
check-name-certificate-verify = CertificateVerify
check-name-server-finished = server Finished
check-name-client-finished = client Finished
check-name-rsa-key-transport = rsa key transport
check-name-premaster-secret = premaster secret

## The browser's certificate checks (crypto::pki::verify_server_chain).

check-parse-pass = server certificate "{ $leaf }" and trusted root "{ $root }" are well-formed X.509
check-parse-pass-extra = server certificate "{ $leaf }" and trusted root "{ $root }" are well-formed X.509 ({ $extra } extra certificate(s) ignored)
check-parse-leaf-fail = server certificate: { $error }
check-parse-root-fail = trusted root: { $error }
check-not-checked = not checked: a certificate could not be parsed
check-issuer-pass = issued by "{ $root }", a trusted root
check-issuer-fail = issued by "{ $issuer }", which is not the trusted root "{ $root }"
check-signature-algorithm = signature algorithm { $algorithm } is not ecdsa-with-SHA256
check-signature-algorithm-mismatch = signature algorithm inside and outside the signed part differ
check-signature-no-tbs = cannot locate the signed part (tbsCertificate)
check-signature-pass = ecdsa-with-SHA256 signature verifies with the root's public key
check-signature-fail = signature does not verify with the trusted root's public key
check-ca-not-ca = trusted root "{ $root }" is not a CA (basicConstraints cA is not true)
check-ca-no-cert-sign = trusted root's keyUsage does not allow keyCertSign
check-ca-pass = trusted root is a CA allowed to sign certificates
check-hostname-no-san = certificate has no subjectAltName dNSName
check-hostname-pass = subjectAltName contains { $name }
check-hostname-fail = certificate is for { $names }, not { $name }
check-validity-not-yet = not valid before { $from }; now is { $now }
check-validity-expired = expired at { $to }; now is { $now }
check-validity-root = trusted root is valid only from { $from } to { $to }; now is { $now }
check-validity-pass = valid from { $from } to { $to }; now is { $now }
check-key-usage-pass = key may sign handshakes (digitalSignature) for TLS servers (serverAuth)
check-key-usage-no-digital-signature = keyUsage lacks digitalSignature
check-key-usage-no-server-auth = extKeyUsage lacks serverAuth

## The client's checks of a real server's chain (`connect`): a path through the
## intermediates the server sent to one of the client's trust anchors.

check-live-parse-pass = server certificate "{ $leaf }" is well-formed X.509 ({ $count } certificate(s) sent)
check-live-parse-pass-ignored = server certificate "{ $leaf }" is well-formed X.509 ({ $count } certificate(s) sent, { $ignored } unreadable or beyond the limit ignored)
check-live-issuer-pass = a path to the trusted root "{ $root }" exists: { $path }
check-live-issuer-fail = no trusted root issued "{ $issuer }", and the server sent no certificate for it (path so far: { $path })
check-live-issuer-depth = no path to a trusted root within { $limit } certificates
check-live-signature-pass = every link verifies: { $links }
check-live-signature-fail = the signature of "{ $subject }" does not verify with the key of "{ $issuer }": { $error }
check-live-signature-incomplete = the links found verify ({ $links }), but the path does not reach a trusted root
check-live-signature-no-issuer = not checked: no issuer found for the server certificate
check-live-signature-trusted-itself = the server certificate is itself a trusted certificate
check-live-ca-pass = every issuer on the path is a CA allowed to sign certificates ({ $count } checked)
check-live-ca-not-ca = "{ $subject }" issued a certificate but is not a CA (basicConstraints cA is not true)
check-live-ca-no-cert-sign = the keyUsage of "{ $subject }" does not allow keyCertSign
check-live-ca-path-len = "{ $subject }" allows { $limit } intermediate(s) below it, but the path has { $below }
check-live-ca-no-issuer = not checked: no issuer found
check-live-ca-trusted-itself = no issuer to check: the server certificate is itself trusted
check-live-hostname-wildcard-pass = the wildcard { $pattern } in subjectAltName covers { $name } (one label)
check-live-hostname-ip-pass = subjectAltName contains the address { $address }
check-live-hostname-ip-fail = certificate is for { $names }, not the address { $address }
check-live-validity-not-yet = "{ $subject }" is not valid before { $from }; now is { $now }
check-live-validity-expired = "{ $subject }" expired at { $to }; now is { $now }
check-live-validity-pass = all { $count } certificate(s) of the path are valid now; the server certificate from { $from } to { $to }; now is { $now }

## The endpoints' own checks.

check-certificate-verify-pass = the server signed the transcript with the certificate's private key
check-certificate-verify-fail = the signature over the transcript does not verify with the certificate's key
check-server-finished-pass = the server's MAC over the whole handshake matches ours: nobody changed a message
check-server-finished-fail = the server's Finished MAC does not match the handshake the client saw
check-client-finished-pass = the client's MAC over the whole handshake matches ours
check-client-finished-fail = the client's Finished MAC does not match the handshake the server saw
check-tls12-server-finished-pass = the server's PRF over the whole handshake matches ours: nobody changed a message, and the server could decrypt the premaster secret
check-tls12-server-finished-fail = the server's Finished does not match the handshake the client saw
check-tls12-client-finished-pass = the client's PRF over the whole handshake matches ours
check-tls12-client-finished-fail = the client's Finished does not match the handshake the server saw
check-rsa-key-transport-pass = the certificate holds an RSA key that may encrypt the premaster secret (keyEncipherment)
check-rsa-key-transport-fail = the certificate holds a { $algorithm } key without keyEncipherment: nothing to encrypt the premaster secret to
check-premaster-pass = decrypted with the server's RSA private key: 48 bytes starting with 0x0303
check-premaster-fail = does not decrypt to 48 bytes starting with 0x0303: the server goes on with a random premaster secret, so the Finished check fails without telling an attacker why (RFC 5246 §7.4.7.1)

## Why an endpoint gave up (the reason next to its alert).

error-unexpected = received { $got } while expecting { $expected }
error-word-application-data = application data
error-word-nothing-closed = nothing (connection closed)
error-record-length-mismatch = record length field says { $claimed } bytes but { $arrived } arrived
error-ccs-compat-content = change_cipher_spec record with content other than 0x01
error-encrypted-before-keys = encrypted record before any keys were agreed
error-empty-record = empty handshake or alert record
error-plaintext-after-encryption = plaintext { $content_type } record after encryption started
error-aead-tag = the AEAD tag does not match: the record was changed or the keys differ
error-gcm-tag = the AES-GCM tag does not match: the record was changed or the keys differ
error-decrypted-overflow = decrypted record longer than 2^14 bytes
error-handshake-too-long = handshake message claims { $length } bytes, more than this endpoint accepts
error-empty-handshake-record = handshake record with no content
error-split-across-key-change = handshake message split across a key change
error-unknown-content-type = record of unknown content type { $content_type }
error-application-data-not-writable = application data before the handshake finished or after close_notify
error-peer-stopped = the peer stopped sending in the middle of a handshake message
error-alpn-not-offered = server chose an application protocol the client did not offer
error-extension-not-offered = { $message } carries extension { $extension } the client did not offer
error-missing-extension = { $message } has no { $extension }
error-certificate-request-context = certificate_request_context must be empty in a server Certificate
error-no-certificate = the server sent no certificate
error-chain-rejected = the certificate chain was rejected
error-no-p256-key = the certificate holds no usable P-256 public key
error-signature-scheme-not-offered = CertificateVerify uses signature scheme { $scheme }, which the client did not offer
error-certificate-verify = CertificateVerify signature is wrong
error-retry-group-not-offered = the HelloRetryRequest asks for a key share for { $group }, a group the client does not support
error-retry-group-already-shared = the HelloRetryRequest asks for a key share for a group the client already sent one for
error-retry-changes-nothing = the HelloRetryRequest asks for nothing new: the second ClientHello would be the first
error-server-share-unasked = the server's key share answers no share the client sent
error-server-not-tls13 = the server did not choose TLS 1.3
error-session-id-echo = legacy_session_id_echo differs from the (empty) session id the client sent
error-session-id-echo-differs = legacy_session_id_echo differs from the session id the client sent
error-retry-suite-changed = the ServerHello names another cipher suite than the HelloRetryRequest did
error-key-update-value = a KeyUpdate must say 0 (update_not_requested) or 1 (update_requested)
error-suite-not-offered = the server chose cipher suite { $suite }, which was not offered
error-compression-method-not-zero = legacy_compression_method must be 0
error-server-key-share-group = the server's key share is not for secp256r1, the group offered
error-server-key-share-invalid = the server's key share is not a valid P-256 point
error-server-finished = server Finished verify_data is wrong
error-second-client-hello = second ClientHello
error-client-finished = client Finished verify_data is wrong
error-client-not-tls13 = the client does not offer TLS 1.3 in supported_versions
error-compression-methods-tls13 = legacy_compression_methods must be exactly [0] in TLS 1.3
error-no-common-suite-tls13 = the client offers no cipher suite this server supports (TLS_AES_128_GCM_SHA256)
error-no-ecdsa = the client cannot verify ecdsa_secp256r1_sha256, the only signature this server makes
error-no-secp256r1-share = the client sent no secp256r1 key share (this server does not ask again)
error-no-alpn = the client offers no application protocol this server speaks (http/1.1)
error-client-key-share-invalid = the client's key share is not a valid P-256 point
error-tls12-server-version = the server chose version { $version }, not TLS 1.2
error-tls12-compression-not-offered = the server chose a compression method the client did not offer
error-certificate-unreadable = the certificate is unreadable
error-rsa-key-transport = the certificate's key cannot be used for RSA key transport
error-rsa-encrypt = cannot encrypt to the server's key: { $error }
error-tls12-client-version = the client offers version { $version }, older than TLS 1.2
error-tls12-no-common-suite = the client does not offer TLS_RSA_WITH_AES_128_GCM_SHA256
error-tls12-no-null-compression = the client does not offer the null compression method
error-tls12-record-version = record version { $version } is not TLS 1.2 (0x0303)
error-ccs-content = ChangeCipherSpec must carry exactly the byte 0x01
error-ccs-mid-message = ChangeCipherSpec in the middle of a handshake message
error-ccs-before-keys = ChangeCipherSpec before any keys were agreed

## Bytes that do not decode (wire::DecodeError); $detail is the wire's own words.

error-decode-truncated = { $what }: needs { $needed } bytes at offset { $offset }, only { $available } left
error-decode-malformed = { $what }: { $detail }
error-decode-illegal = { $what }: illegal parameter: { $detail }
error-decode-unexpected = { $what }: unexpected message: { $detail }
error-decode-record-overflow = record length { $length } is larger than the limit of { $limit } bytes

## What the eavesdropper reads on the wire (sim::tap).

tap-timing = t = { $ms }.{ $fraction } ms
tap-http-size = { $length } bytes of HTTP from the { $side }
tap-not-a-record = { $length } bytes from the { $side } that do not form a TLS record
tap-record = { $content_type } record, { $length } bytes, from the { $side }
tap-certificate = { $subject } issued by { $issuer } ({ $algorithm } key)
tap-encrypted-premaster = the premaster secret, RSA-encrypted ({ $length } bytes): unreadable without the server's private key, today
tap-ciphertext = { $preview } … ({ $length } bytes, unreadable without the key)
tap-client-key-share = client public key, { $length } bytes
tap-server-key-share = server public key, { $length } bytes
tap-group-requested = the server asks again (HelloRetryRequest): it wants a key share for { $group }
tap-stays-ciphertext = the recorded records stay ciphertext: the stolen key opens none of them

## The attacker with the stolen server keys (sim::compromise).

attempt-key-rsa = the server's RSA private key, { $bits } bits
attempt-key-ecdsa = the server's ECDSA P-256 certificate key
attempt-stage-reads-randoms = reads client_random { $client } and server_random { $server } from the hellos on the wire
attempt-stage-reads-premaster = reads the RSA-encrypted premaster secret ({ $length } bytes) from ClientKeyExchange
attempt-stage-decrypts-premaster = decrypts it with the stolen key: pre_master_secret = { $premaster }
attempt-stage-derives-master = derives master_secret = PRF(pre_master_secret, "master secret", randoms) = { $master }
attempt-stage-derives-key-block = derives the key block: client_write_key { $client }, server_write_key { $server }
attempt-stage-decrypts-records = decrypts { $opened } recorded records ({ $failed } refused), { $data } of them application data
attempt-stage-reads-login = reads the login: { $request } with password { $password }
attempt-stage-reads-shares = reads both ECDHE public keys from the hellos ({ $client } and { $server } bytes): public by design
attempt-stage-looks-for-encrypted = looks for anything encrypted to the certificate key: nothing on the wire is (that key only signed CertificateVerify)
attempt-stage-key-is-share = the stolen key's public point equals the server's key share
attempt-stage-key-not-share = the stolen key's public point is not the server's key share: the certificate key is not the ECDHE key
attempt-stage-ecdhe-opens = tries it as the server's ECDHE key: the first encrypted record opens
attempt-stage-ecdhe-fails = tries it anyway as the server's ECDHE key: ECDH with the client's share, then the key schedule; the first encrypted server record fails the AES-GCM tag check
attempt-lacks-tls12-messages = the recording lacks a ClientHello, ServerHello or ClientKeyExchange
attempt-lacks-rsa-key = a key that opens ClientKeyExchange: this one yields no 48-byte premaster secret
attempt-lacks-records = records that open with the derived keys
attempt-lacks-tls13-messages = the recording lacks the hellos or any encrypted record
attempt-lacks-ecdhe-key = an ECDHE private key (the client's or the server's): made fresh for this session, never sent on the wire, erased after it

## Values a lesson fills in from its session ({{check:NAME}}, {{time_ms}}, {{outcome}}).

lesson-check-pass = pass ({ $detail })
lesson-check-fail = fail ({ $detail })
lesson-milliseconds = { $ms }.{ $fraction }
lesson-outcome-completed = completed
lesson-outcome-aborted = aborted by { $side }: { $alert }
error-live-client-left = the client left before the handshake was done
error-live-client-alert = the client sent a fatal alert
error-live-server-alert = the server sent a fatal alert
error-live-server-left = the server closed the connection before the handshake was done
error-live-server-silent = the server did not finish the handshake before the time limit; the client gave up
error-second-hello-changed = the second ClientHello differs from the first in more than its key share (RFC 8446 §4.1.2)
error-second-hello-share = the second ClientHello must carry exactly one key share, for the group the server asked for
error-server-cannot-sign = the server could not sign CertificateVerify
error-no-rsa-pss = the client does not accept rsa_pss_rsae_sha256 signatures, the only kind this server's RSA key makes
