# Core words (session): de. Keys must match between en and de.
#
# Was die simulierte Sitzung sagt: die Prüfungen der Endpunkte (check-), warum ein
# Endpunkt aufgibt (error-), was der Lauscher liest (tap-), die Versuche mit dem
# gestohlenen Schlüssel (attempt-) und die Werte, die eine Lektion einsetzt (lesson-).
# RFC-Namen (Nachrichten, Felder, Alerts, Secrets) bleiben englisch; die Begriffe
# folgen dem Glossar in lessons/README.md.

## Wer beteiligt ist, als Wort im Satz ("vom { $side }").

who-client = Client
who-server = Server
who-attacker = Angreifer

## Namen der Prüfungen, wie Lernende sie lesen.

check-name-parse = Format
check-name-issuer = Aussteller
check-name-signature = Signatur
check-name-ca = CA
check-name-hostname = Hostname
check-name-validity = Gültigkeit
check-name-key-usage = Schlüsselverwendung
check-name-certificate-verify = CertificateVerify
check-name-server-finished = Finished des Servers
check-name-client-finished = Finished des Clients
check-name-rsa-key-transport = RSA-Schlüsseltransport
check-name-premaster-secret = Premaster Secret

## Die Zertifikatsprüfungen des Browsers.

check-parse-pass = Server-Zertifikat „{ $leaf }“ und vertrauenswürdige Root-CA „{ $root }“ sind wohlgeformtes X.509
check-parse-pass-extra = Server-Zertifikat „{ $leaf }“ und vertrauenswürdige Root-CA „{ $root }“ sind wohlgeformtes X.509 ({ $extra ->
        [one] ein weiteres Zertifikat
       *[other] { $extra } weitere Zertifikate
    } ignoriert)
check-parse-leaf-fail = Server-Zertifikat: { $error }
check-parse-root-fail = vertrauenswürdige Root-CA: { $error }
check-not-checked = nicht geprüft: Ein Zertifikat ließ sich nicht lesen
check-issuer-pass = ausgestellt von „{ $root }“, einer vertrauenswürdigen Root-CA
check-issuer-fail = ausgestellt von „{ $issuer }“, nicht von der vertrauenswürdigen Root-CA „{ $root }“
check-signature-algorithm = der Signaturalgorithmus { $algorithm } ist nicht ecdsa-with-SHA256
check-signature-algorithm-mismatch = der Signaturalgorithmus innerhalb und außerhalb des signierten Teils ist verschieden
check-signature-no-tbs = der signierte Teil (tbsCertificate) ist nicht zu finden
check-signature-pass = die Signatur (ecdsa-with-SHA256) ist mit dem öffentlichen Schlüssel der Root-CA gültig
check-signature-fail = die Signatur ist mit dem öffentlichen Schlüssel der vertrauenswürdigen Root-CA nicht gültig
check-ca-not-ca = die vertrauenswürdige Root-CA „{ $root }“ ist keine CA (basicConstraints cA ist nicht true)
check-ca-no-cert-sign = die keyUsage der vertrauenswürdigen Root-CA erlaubt kein keyCertSign
check-ca-pass = die vertrauenswürdige Root-CA ist eine CA und darf Zertifikate signieren
check-hostname-no-san = das Zertifikat hat keinen subjectAltName vom Typ dNSName
check-hostname-pass = subjectAltName enthält { $name }
check-hostname-fail = das Zertifikat gilt für { $names }, nicht für { $name }
check-validity-not-yet = erst gültig ab { $from }; jetzt ist { $now }
check-validity-expired = abgelaufen am { $to }; jetzt ist { $now }
check-validity-root = die vertrauenswürdige Root-CA ist nur von { $from } bis { $to } gültig; jetzt ist { $now }
check-validity-pass = gültig von { $from } bis { $to }; jetzt ist { $now }
check-key-usage-pass = der Schlüssel darf Handshakes signieren (digitalSignature), und zwar für TLS-Server (serverAuth)
check-key-usage-no-digital-signature = in keyUsage fehlt digitalSignature
check-key-usage-no-server-auth = in extKeyUsage fehlt serverAuth

## Die Prüfungen des Clients an der Kette eines echten Servers (`connect`): ein Pfad
## über die Zwischenzertifikate des Servers zu einem der Vertrauensanker des Clients.

check-live-parse-pass = Server-Zertifikat „{ $leaf }“ ist wohlgeformtes X.509 ({ $count ->
        [one] ein Zertifikat
       *[other] { $count } Zertifikate
    } gesendet)
check-live-parse-pass-ignored = Server-Zertifikat „{ $leaf }“ ist wohlgeformtes X.509 ({ $count } Zertifikat(e) gesendet, { $ignored } unlesbare oder über der Grenze ignoriert)
check-live-issuer-pass = es gibt einen Pfad zur vertrauenswürdigen Root-CA „{ $root }“: { $path }
check-live-issuer-fail = keine vertrauenswürdige Root-CA hat „{ $issuer }“ ausgestellt, und der Server hat kein Zertifikat dafür gesendet (Pfad bis hier: { $path })
check-live-issuer-depth = kein Pfad zu einer vertrauenswürdigen Root-CA innerhalb von { $limit } Zertifikaten
check-live-signature-pass = jedes Glied ist gültig signiert: { $links }
check-live-signature-fail = die Signatur von „{ $subject }“ ist mit dem Schlüssel von „{ $issuer }“ nicht gültig: { $error }
check-live-signature-incomplete = die gefundenen Glieder sind gültig signiert ({ $links }), aber der Pfad erreicht keine vertrauenswürdige Root-CA
check-live-signature-no-issuer = nicht geprüft: Für das Server-Zertifikat wurde kein Aussteller gefunden
check-live-signature-trusted-itself = das Server-Zertifikat ist selbst ein vertrauenswürdiges Zertifikat
check-live-ca-pass = jeder Aussteller auf dem Pfad ist eine CA und darf Zertifikate signieren ({ $count } geprüft)
check-live-ca-not-ca = „{ $subject }“ hat ein Zertifikat ausgestellt, ist aber keine CA (basicConstraints cA ist nicht true)
check-live-ca-no-cert-sign = die keyUsage von „{ $subject }“ erlaubt kein keyCertSign
check-live-ca-path-len = „{ $subject }“ erlaubt { $limit } Zwischenzertifikat(e) unter sich, der Pfad hat aber { $below }
check-live-ca-no-issuer = nicht geprüft: kein Aussteller gefunden
check-live-ca-trusted-itself = kein Aussteller zu prüfen: Das Server-Zertifikat ist selbst vertrauenswürdig
check-live-hostname-wildcard-pass = der Platzhalter { $pattern } im subjectAltName deckt { $name } ab (ein Label)
check-live-hostname-ip-pass = subjectAltName enthält die Adresse { $address }
check-live-hostname-ip-fail = das Zertifikat gilt für { $names }, nicht für die Adresse { $address }
check-live-validity-not-yet = „{ $subject }“ ist erst gültig ab { $from }; jetzt ist { $now }
check-live-validity-expired = „{ $subject }“ ist abgelaufen am { $to }; jetzt ist { $now }
check-live-validity-pass = alle { $count } Zertifikate des Pfads sind jetzt gültig; das Server-Zertifikat von { $from } bis { $to }; jetzt ist { $now }

## Die eigenen Prüfungen der Endpunkte.

check-certificate-verify-pass = der Server hat das Transkript mit dem privaten Schlüssel des Zertifikats signiert
check-certificate-verify-fail = die Signatur über das Transkript ist mit dem Schlüssel des Zertifikats nicht gültig
check-server-finished-pass = der MAC des Servers über den ganzen Handshake stimmt mit unserem überein: Niemand hat eine Nachricht verändert
check-server-finished-fail = der Finished-MAC des Servers passt nicht zu dem Handshake, den der Client gesehen hat
check-client-finished-pass = der MAC des Clients über den ganzen Handshake stimmt mit unserem überein
check-client-finished-fail = der Finished-MAC des Clients passt nicht zu dem Handshake, den der Server gesehen hat
check-tls12-server-finished-pass = der PRF-Wert des Servers über den ganzen Handshake stimmt mit unserem überein: Niemand hat eine Nachricht verändert, und der Server konnte das Premaster Secret entschlüsseln
check-tls12-server-finished-fail = das Finished des Servers passt nicht zu dem Handshake, den der Client gesehen hat
check-tls12-client-finished-pass = der PRF-Wert des Clients über den ganzen Handshake stimmt mit unserem überein
check-tls12-client-finished-fail = das Finished des Clients passt nicht zu dem Handshake, den der Server gesehen hat
check-rsa-key-transport-pass = das Zertifikat enthält einen RSA-Schlüssel, mit dem das Premaster Secret verschlüsselt werden darf (keyEncipherment)
check-rsa-key-transport-fail = das Zertifikat enthält einen { $algorithm }-Schlüssel ohne keyEncipherment: Es gibt nichts, womit sich das Premaster Secret verschlüsseln ließe
check-premaster-pass = mit dem privaten RSA-Schlüssel des Servers entschlüsselt: 48 Bytes, beginnend mit 0x0303
check-premaster-fail = ergibt entschlüsselt keine 48 Bytes, die mit 0x0303 beginnen: Der Server macht mit einem zufälligen Premaster Secret weiter, sodass die Finished-Prüfung scheitert, ohne einem Angreifer den Grund zu verraten (RFC 5246 §7.4.7.1)

## Warum ein Endpunkt aufgibt (der Grund neben seinem Alert).

error-unexpected = { $got } empfangen, erwartet war { $expected }
error-word-application-data = Anwendungsdaten
error-word-nothing-closed = nichts (Verbindung geschlossen)
error-record-length-mismatch = das Längenfeld des Records nennt { $claimed } Bytes, angekommen sind aber { $arrived }
error-ccs-compat-content = change_cipher_spec-Record mit einem anderen Inhalt als 0x01
error-encrypted-before-keys = verschlüsselter Record, bevor Schlüssel vereinbart waren
error-empty-record = leerer Handshake- oder Alert-Record
error-plaintext-after-encryption = { $content_type }-Record im Klartext, nachdem die Verschlüsselung begonnen hat
error-aead-tag = das AEAD-Tag stimmt nicht: Der Record wurde verändert, oder die Schlüssel sind verschieden
error-gcm-tag = das AES-GCM-Tag stimmt nicht: Der Record wurde verändert, oder die Schlüssel sind verschieden
error-decrypted-overflow = entschlüsselter Record ist länger als 2^14 Bytes
error-handshake-too-long = die Handshake-Nachricht gibt { $length } Bytes an, mehr als dieser Endpunkt annimmt
error-empty-handshake-record = Handshake-Record ohne Inhalt
error-split-across-key-change = Handshake-Nachricht über einen Schlüsselwechsel hinweg aufgeteilt
error-unknown-content-type = Record mit unbekanntem Content Type { $content_type }
error-application-data-not-writable = Anwendungsdaten vor dem Ende des Handshakes oder nach close_notify
error-peer-stopped = die Gegenseite hat mitten in einer Handshake-Nachricht aufgehört zu senden
error-alpn-not-offered = der Server hat ein Anwendungsprotokoll gewählt, das der Client nicht angeboten hat
error-extension-not-offered = { $message } enthält die Erweiterung { $extension }, die der Client nicht angeboten hat
error-missing-extension = { $message } enthält keine { $extension }-Erweiterung
error-certificate-request-context = certificate_request_context muss im Certificate eines Servers leer sein
error-no-certificate = der Server hat kein Zertifikat gesendet
error-chain-rejected = die Zertifikatskette wurde abgelehnt
error-no-p256-key = das Zertifikat enthält keinen verwendbaren öffentlichen P-256-Schlüssel
error-signature-scheme-not-offered = CertificateVerify verwendet das Signaturverfahren { $scheme }, das der Client nicht angeboten hat
error-certificate-verify = die Signatur im CertificateVerify ist falsch
error-retry-group-not-offered = der HelloRetryRequest verlangt einen Schlüsselanteil für { $group }, eine Gruppe, die der Client nicht unterstützt
error-retry-group-already-shared = der HelloRetryRequest verlangt einen Schlüsselanteil für eine Gruppe, für die der Client schon einen gesendet hat
error-retry-changes-nothing = der HelloRetryRequest verlangt nichts Neues: das zweite ClientHello wäre dasselbe wie das erste
error-server-share-unasked = der Schlüsselanteil des Servers antwortet auf keinen, den der Client gesendet hat
error-server-not-tls13 = der Server hat nicht TLS 1.3 gewählt
error-session-id-echo = legacy_session_id_echo weicht von der (leeren) Session-ID ab, die der Client gesendet hat
error-session-id-echo-differs = legacy_session_id_echo weicht von der Session-ID ab, die der Client gesendet hat
error-retry-suite-changed = der ServerHello nennt eine andere Cipher Suite als der HelloRetryRequest
error-key-update-value = ein KeyUpdate muss 0 (update_not_requested) oder 1 (update_requested) sagen
error-suite-not-offered = der Server hat die Cipher Suite { $suite } gewählt, die nicht angeboten war
error-compression-method-not-zero = legacy_compression_method muss 0 sein
error-server-key-share-group = der Schlüsselanteil des Servers ist nicht für secp256r1, die angebotene Gruppe
error-server-key-share-invalid = der Schlüsselanteil des Servers ist kein gültiger P-256-Punkt
error-server-finished = verify_data im Finished des Servers ist falsch
error-second-client-hello = zweites ClientHello
error-client-finished = verify_data im Finished des Clients ist falsch
error-client-not-tls13 = der Client bietet TLS 1.3 nicht in supported_versions an
error-compression-methods-tls13 = legacy_compression_methods muss in TLS 1.3 genau [0] sein
error-no-common-suite-tls13 = der Client bietet keine Cipher Suite an, die dieser Server unterstützt (TLS_AES_128_GCM_SHA256)
error-no-ecdsa = der Client kann ecdsa_secp256r1_sha256 nicht prüfen, die einzige Signatur, die dieser Server erstellt
error-no-secp256r1-share = der Client hat keinen secp256r1-Schlüsselanteil gesendet (dieser Server fragt nicht erneut)
error-no-alpn = der Client bietet kein Anwendungsprotokoll an, das dieser Server spricht (http/1.1)
error-client-key-share-invalid = der Schlüsselanteil des Clients ist kein gültiger P-256-Punkt
error-tls12-server-version = der Server hat die Version { $version } gewählt, nicht TLS 1.2
error-tls12-compression-not-offered = der Server hat ein Kompressionsverfahren gewählt, das der Client nicht angeboten hat
error-certificate-unreadable = das Zertifikat ist nicht lesbar
error-rsa-key-transport = der Schlüssel des Zertifikats taugt nicht für den RSA-Schlüsseltransport
error-rsa-encrypt = mit dem Schlüssel des Servers lässt sich nicht verschlüsseln: { $error }
error-tls12-client-version = der Client bietet die Version { $version } an, älter als TLS 1.2
error-tls12-no-common-suite = der Client bietet TLS_RSA_WITH_AES_128_GCM_SHA256 nicht an
error-tls12-no-null-compression = der Client bietet das Kompressionsverfahren null (keine Kompression) nicht an
error-tls12-record-version = die Record-Version { $version } ist nicht TLS 1.2 (0x0303)
error-ccs-content = ChangeCipherSpec muss genau das Byte 0x01 enthalten
error-ccs-mid-message = ChangeCipherSpec mitten in einer Handshake-Nachricht
error-ccs-before-keys = ChangeCipherSpec, bevor Schlüssel vereinbart waren

## Bytes, die sich nicht dekodieren lassen; $detail sind die Worte der Wire-Schicht.

error-decode-truncated = { $what }: braucht { $needed } Bytes ab Offset { $offset }, nur noch { $available } übrig
error-decode-malformed = { $what }: { $detail }
error-decode-illegal = { $what }: unzulässiger Parameter: { $detail }
error-decode-unexpected = { $what }: unerwartete Nachricht: { $detail }
error-decode-record-overflow = die Record-Länge { $length } überschreitet die Grenze von { $limit } Bytes

## Was der Lauscher auf der Leitung liest.

tap-timing = t = { $ms },{ $fraction } ms
tap-http-size = { $length } Bytes HTTP vom { $side }
tap-not-a-record = { $length } Bytes vom { $side }, die keinen TLS-Record bilden
tap-record = { $content_type }-Record, { $length } Bytes, vom { $side }
tap-certificate = { $subject }, ausgestellt von { $issuer } ({ $algorithm }-Schlüssel)
tap-encrypted-premaster = das Premaster Secret, RSA-verschlüsselt ({ $length } Bytes): ohne den privaten Schlüssel des Servers unlesbar, jedenfalls heute
tap-ciphertext = { $preview } … ({ $length } Bytes, ohne den Schlüssel unlesbar)
tap-client-key-share = öffentlicher Schlüssel des Clients, { $length } Bytes
tap-server-key-share = öffentlicher Schlüssel des Servers, { $length } Bytes
tap-group-requested = der Server fragt noch einmal (HelloRetryRequest): er will einen Schlüsselanteil für { $group }
tap-stays-ciphertext = die aufgezeichneten Records bleiben Geheimtext: Der gestohlene Schlüssel öffnet keinen davon

## Der Angreifer mit den gestohlenen Schlüsseln des Servers.

attempt-key-rsa = der private RSA-Schlüssel des Servers, { $bits } Bit
attempt-key-ecdsa = der ECDSA-Schlüssel (P-256) aus dem Zertifikat des Servers
attempt-stage-reads-randoms = liest client_random { $client } und server_random { $server } aus den Hellos auf der Leitung
attempt-stage-reads-premaster = liest das RSA-verschlüsselte Premaster Secret ({ $length } Bytes) aus dem ClientKeyExchange
attempt-stage-decrypts-premaster = entschlüsselt es mit dem gestohlenen Schlüssel: pre_master_secret = { $premaster }
attempt-stage-derives-master = leitet master_secret = PRF(pre_master_secret, "master secret", randoms) = { $master } ab
attempt-stage-derives-key-block = leitet den Key Block ab: client_write_key { $client }, server_write_key { $server }
attempt-stage-decrypts-records = entschlüsselt { $opened } aufgezeichnete Records ({ $failed } abgelehnt), davon { $data } mit Anwendungsdaten
attempt-stage-reads-login = liest die Anmeldung: { $request } mit dem Passwort { $password }
attempt-stage-reads-shares = liest beide öffentlichen ECDHE-Schlüssel aus den Hellos ({ $client } und { $server } Bytes): Sie sind absichtlich öffentlich
attempt-stage-looks-for-encrypted = sucht nach etwas, das mit dem Zertifikatsschlüssel verschlüsselt ist: Auf der Leitung gibt es nichts davon (dieser Schlüssel hat nur das CertificateVerify signiert)
attempt-stage-key-is-share = der öffentliche Punkt des gestohlenen Schlüssels ist der Schlüsselanteil des Servers
attempt-stage-key-not-share = der öffentliche Punkt des gestohlenen Schlüssels ist nicht der Schlüsselanteil des Servers: Der Zertifikatsschlüssel ist nicht der ECDHE-Schlüssel
attempt-stage-ecdhe-opens = probiert ihn als ECDHE-Schlüssel des Servers: Der erste verschlüsselte Record lässt sich öffnen
attempt-stage-ecdhe-fails = probiert ihn trotzdem als ECDHE-Schlüssel des Servers: ECDH mit dem Schlüsselanteil des Clients, dann der Key Schedule; der erste verschlüsselte Record des Servers scheitert an der Prüfung des AES-GCM-Tags
attempt-lacks-tls12-messages = in der Aufzeichnung fehlt ein ClientHello, ServerHello oder ClientKeyExchange
attempt-lacks-rsa-key = ein Schlüssel, der das ClientKeyExchange öffnet: Dieser ergibt kein Premaster Secret mit 48 Bytes
attempt-lacks-records = Records, die sich mit den abgeleiteten Schlüsseln öffnen lassen
attempt-lacks-tls13-messages = in der Aufzeichnung fehlen die Hellos oder ein verschlüsselter Record
attempt-lacks-ecdhe-key = ein privater ECDHE-Schlüssel (der des Clients oder der des Servers): für diese Sitzung frisch erzeugt, nie über die Leitung gesendet, danach gelöscht

## Werte, die eine Lektion aus ihrer Sitzung einsetzt.

lesson-check-pass = bestanden ({ $detail })
lesson-check-fail = nicht bestanden ({ $detail })
lesson-milliseconds = { $ms },{ $fraction }
lesson-outcome-completed = abgeschlossen
lesson-outcome-aborted = abgebrochen vom { $side }: { $alert }
error-live-client-left = der Client ist gegangen, bevor der Handshake fertig war
error-live-client-alert = der Client hat einen fatalen Alert gesendet
error-live-server-alert = der Server hat einen fatalen Alert gesendet
error-live-server-left = der Server hat die Verbindung geschlossen, bevor der Handshake fertig war
error-live-server-silent = der Server hat den Handshake nicht vor dem Zeitlimit beendet; der Client hat aufgegeben
error-second-hello-changed = das zweite ClientHello unterscheidet sich vom ersten in mehr als dem Schlüsselanteil (RFC 8446 §4.1.2)
error-second-hello-share = das zweite ClientHello muss genau einen Schlüsselanteil tragen, für die Gruppe, nach der der Server gefragt hat
error-server-cannot-sign = der Server konnte CertificateVerify nicht signieren
error-no-rsa-pss = der Client akzeptiert keine Signaturen mit rsa_pss_rsae_sha256, die einzige Art, die der RSA-Schlüssel dieses Servers erzeugt
