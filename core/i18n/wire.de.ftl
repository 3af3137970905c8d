# Core words (wire): de. Keys must match between en and de.
# Was der Inspektor über jedes Feld eines Records sagt (src/wire, src/http): die
# Bedeutung eines Felds und sein Wert, wo er Wörter enthält. RFC-Namen von Nachrichten,
# Feldern, Erweiterungen und Alerts bleiben englisch; Begriffe nach "Deutsch: Begriffe"
# in lessons/README.md.

## Größen und Anzahlen (Werte der Felder)
wire-bytes = { $n ->
    [one] { $n } Byte
   *[other] { $n } Bytes
}
# Die Größe einer Nutzlast (Inhalt eines Records, ein Zertifikat, ein Schlüssel).
wire-payload-bytes = { $n ->
    [one] { $n } Byte
   *[other] { $n } Bytes
}
wire-count-methods = { $n ->
    [one] { $n } Methode
   *[other] { $n } Methoden
}
wire-count-entries = { $n ->
    [one] { $n } Eintrag
   *[other] { $n } Einträge
}
wire-count-certificates = { $n ->
    [one] { $n } Zertifikat
   *[other] { $n } Zertifikate
}
wire-count-extensions = { $n ->
    [one] { $n } Erweiterung
   *[other] { $n } Erweiterungen
}
wire-count-shares = { $n ->
    [one] { $n } Schlüsselanteil
   *[other] { $n } Schlüsselanteile
}
wire-empty = leer
wire-code-unknown = { $code } (unbekannt)
wire-cert-entry-value = { $n ->
    [one] Zertifikat mit { $n } Byte
   *[other] Zertifikat mit { $n } Bytes
}
wire-unparseable = nicht lesbar: { $reason }

## Handshake-Nachrichten (wozu jede dient)
wire-msg-client-hello = die Eröffnungsnachricht des Clients: was er beherrscht, dazu sein Schlüsselanteil
wire-msg-server-hello = die Entscheidungen des Servers, dazu sein Schlüsselanteil; alles danach ist verschlüsselt
wire-msg-new-session-ticket = ein Ticket, mit dem der Client die Sitzung später fortsetzen kann
wire-msg-encrypted-extensions = die übrigen Entscheidungen des Servers, schon verschlüsselt
wire-msg-certificate = die Zertifikatskette des Absenders: wer er ist, bestätigt von einer Zertifizierungsstelle
wire-msg-server-key-exchange = TLS 1.2: die Parameter des Servers für den Schlüsselaustausch
wire-msg-certificate-request = der Server bittet den Client um ein Zertifikat
wire-msg-server-hello-done = TLS 1.2: Der Server ist mit seinen Hello-Nachrichten fertig
wire-msg-certificate-verify = eine Signatur, die beweist, dass der Absender den privaten Schlüssel zu seinem Zertifikat besitzt
wire-msg-client-key-exchange = TLS 1.2: der Beitrag des Clients zum Schlüsselaustausch
wire-msg-finished = ein Prüfwert, der beweist, dass beide Seiten denselben Handshake gesehen haben
wire-msg-key-update = der Absender wechselt zu frischen Schlüsseln
wire-msg-unknown = ein Typ von Handshake-Nachricht, den dieses Lab nicht dekodiert

## Felder im Handshake
wire-handshake-type = Typ der Handshake-Nachricht: { $what }
wire-handshake-length = der Rest dieser { $what }-Nachricht ist { $size } lang
wire-length-prefix = { $n ->
    [0] das Feld { $of } ist leer
    [one] das nächste Byte ist das Feld { $of }
   *[other] die nächsten { $n } Bytes sind das Feld { $of }
    }
wire-legacy-version-tls12 = 0x0303 = TLS 1.2, aus Kompatibilitätsgründen eingefroren; die echte Version steht in supported_versions
wire-legacy-version-other = { $version }: Ein Absender mit TLS 1.3 schreibt hier immer 0x0303; die echte Version steht in supported_versions
wire-session-id-empty = leer: TLS 1.3 verwendet keine Session-IDs
wire-session-id-client = ein Überbleibsel aus TLS 1.2, beibehalten, damit alte Middleboxes die Verbindung durchlassen
wire-session-id-client-bytes = Zufallsbytes, durch die das wie die Fortsetzung einer TLS-1.2-Sitzung aussieht
wire-session-id-echo = eine Kopie der legacy_session_id des Clients, wie TLS-1.2-Middleboxes sie erwarten
wire-session-id-echo-bytes = dieselben Bytes, die der Client gesendet hat
wire-client-random = 32 Zufallsbytes vom Client; sie fließen in jeden Schlüssel ein
wire-client-suites = { $n ->
    [one] die eine Cipher Suite, die der Client verwenden kann
   *[other] die { $n } Cipher Suites, die der Client verwenden kann, die bevorzugte zuerst
    }
wire-compression-methods = ein Überbleibsel: TLS 1.3 verlangt genau einen Eintrag, 0 (keine Kompression)
wire-compression-null = 0 = keine Kompression (Komprimieren vor dem Verschlüsseln hat beim CRIME-Angriff Geheimnisse verraten)
wire-compression-deflate = DEFLATE-Kompression: in TLS 1.3 nicht erlaubt
wire-compression-other = eine Kompressionsmethode, die TLS 1.3 nicht erlaubt
wire-server-random-hrr = dieser besondere Wert kennzeichnet ein HelloRetryRequest: Der Server bittet den Client, es noch einmal zu versuchen
wire-server-random-downgrade-tls12 = 32 Zufallsbytes vom Server, die auf "DOWNGRD" 1 enden: Er könnte TLS 1.3 sprechen, hat aber TLS 1.2 gewählt
wire-server-random-downgrade-tls11 = 32 Zufallsbytes vom Server, die auf "DOWNGRD" 0 enden: Er könnte TLS 1.3 sprechen, hat aber eine ältere Version gewählt
wire-server-random = 32 Zufallsbytes vom Server; sie fließen in jeden Schlüssel ein
wire-server-suite = der Server hat gewählt: { $suite }
wire-cert-context-empty = leer: Kein CertificateRequest hat nach diesem Zertifikat gefragt
wire-cert-context = wiederholt die Kennung des CertificateRequest, das dieses Zertifikat beantwortet
wire-cert-context-bytes = die Kennung der Anfrage
wire-cert-entry-own = das eigene Zertifikat des Absenders
wire-cert-entry-authority = das Zertifikat einer Zertifizierungsstelle weiter oben in der Kette
wire-cert-data-own = das Zertifikat des Absenders (X.509, DER, { $size }): sein Name und sein öffentlicher Schlüssel, signiert von einer Zertifizierungsstelle
wire-cert-data-authority = das Zertifikat einer Zertifizierungsstelle (X.509, DER, { $size }), das für das vorige bürgt
wire-cert-list = die Kette: zuerst das Zertifikat des Absenders, dann die Zertifizierungsstellen, die dafür bürgen
wire-signature-scheme-used = das verwendete Signaturverfahren: { $scheme }
wire-signature = eine Signatur über den bisherigen Handshake, erstellt mit dem privaten Schlüssel des Zertifikats
wire-signature-bytes = nur wer den privaten Schlüssel des Zertifikats besitzt, kann diese Signatur erstellt haben
wire-ecdsa-sequence = DER: eine SEQUENCE mit den beiden Zahlen r und s, die zusammen eine ECDSA-Signatur bilden
wire-ecdsa-r = die erste Zahl der Signatur (ein DER-INTEGER: Tag, Länge, Wert)
wire-ecdsa-s = die zweite Zahl der Signatur (ein DER-INTEGER: Tag, Länge, Wert)
wire-verify-data = ein HMAC über den ganzen bisherigen Handshake: beweist, dass beide Seiten dieselben Nachrichten gesehen haben und dieselben Schlüssel besitzen
wire-unknown-body = dieses Lab zeigt die Bytes dieser Nachricht, ohne sie Feld für Feld zu dekodieren
wire-nst-lifetime = wie lange der Client das Ticket behalten darf, um diese Sitzung später fortzusetzen (RFC 8446 erlaubt höchstens 7 Tage); der Browser des Labors behält keines: jeder Besuch ist ein vollständiger Handshake
wire-nst-lifetime-value = { $seconds } s ({ $hours } h)
wire-nst-age-add = eine Zufallszahl, die der Client beim Fortsetzen zum Alter des Tickets addiert, damit ein Lauscher die Fortsetzung nicht mit dieser Verbindung verknüpfen kann
wire-nst-nonce = macht den Pre-Shared Key jedes Tickets verschieden: PSK = HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length)
wire-nst-ticket = das Ticket selbst: für den Client undurchsichtig (meist der Sitzungszustand des Servers, verschlüsselt mit einem Schlüssel, den nur der Server kennt); zum Fortsetzen schickte der Client es in pre_shared_key zurück
wire-nst-extensions = Erweiterungen des Tickets (early_data: wie viele 0-RTT-Daten der Server annähme)
wire-key-update-request = der Absender verschlüsselt jetzt mit seinem nächsten Traffic Secret (HKDF-Expand-Label(secret, "traffic upd", "", Hash.length)); update_requested bittet die Gegenseite, ebenfalls zu wechseln

## TLS 1.2 (die Geschichtslektion)
wire-premaster-encrypted = das Geheimnis, aus dem alle Schlüssel entstehen, verschlüsselt mit dem öffentlichen RSA-Schlüssel des Servers
wire-premaster-encrypted-bytes = wer den privaten Schlüssel des Servers bekommt, auch Jahre später, kann dies entschlüsseln und die ganze Sitzung lesen
wire-tls12-cert-server = das Zertifikat des Servers (X.509, DER, { $size }): sein Name und sein öffentlicher RSA-Schlüssel
wire-tls12-cert-list = die Kette: zuerst das Zertifikat des Servers, dann die Zertifizierungsstellen, die dafür bürgen

## Erweiterungen
wire-name-meaning = { $name }: { $meaning }
wire-grease = GREASE: ein absichtlich bedeutungsloser Wert, der prüft, dass Server ignorieren, was sie nicht kennen
wire-unknown-suite = { $code }: eine Cipher Suite, die dieses Lab nicht kennt
wire-unknown-group = { $code }: eine Gruppe, die dieses Lab nicht kennt
wire-unknown-scheme = { $code }: ein Signaturverfahren, das dieses Lab nicht kennt
wire-unknown-extension = eine Erweiterung, die dieses Lab nicht kennt
wire-unknown-version = eine Versionsnummer, die dieses Lab nicht kennt
wire-entries-by-preference = { $count }, in bevorzugter Reihenfolge
wire-extension-type = sagt, welche Erweiterung folgt: { $name }
wire-extensions = optionale Funktionen und Parameter; TLS 1.3 handelt hier fast alles aus
wire-selected-version = der Server hat diese Version gewählt: { $version }
wire-hrr-selected-group = der Server fragt noch einmal: schicke einen Schlüsselanteil für diese Gruppe: { $group }
wire-client-shares = ein öffentlicher Schlüssel für jede Gruppe, von der der Client vermutet, dass der Server sie wählt
wire-extension-data-skipped = dieses Lab verwendet diese Erweiterung nicht: Ihre Bytes werden aufbewahrt und übersprungen
wire-host-name-ascii = der Name der Website, im Klartext für jeden auf dem Weg lesbar
wire-host-name-unicode = der Name der Website; echte Namen sind reines ASCII (internationale werden als Punycode geschrieben)
wire-host-name = der Hostname der Website
wire-server-name-entry = ein Namenseintrag
wire-name-type-host = der Eintrag ist ein DNS-Hostname
wire-server-name-list = die Liste der Namen; in der Praxis genau ein Hostname
wire-alpn-http11 = HTTP/1.1, das klassische Protokoll des Webs
wire-alpn-h2 = HTTP/2
wire-alpn-h3 = HTTP/3
wire-alpn-other = das Protokoll „{ $name }“
wire-alpn-name = der Name eines Anwendungsprotokolls
wire-alpn-client = die Protokolle, die der Client innerhalb der Verbindung sprechen kann, in bevorzugter Reihenfolge
wire-alpn-server = das Protokoll, das der Server gewählt hat
# $side ist "client" oder "server".
wire-key-p256 = der öffentliche P-256-Schlüssel { $side ->
    [client] des Clients
   *[other] des Servers
    } (unkomprimierter Punkt, 65 Bytes)
wire-key-legacy-form = 4 = unkomprimierter Punkt: Beide Koordinaten folgen
wire-key-x = die x-Koordinate des Punkts auf der Kurve
wire-key-y = die y-Koordinate des Punkts auf der Kurve
wire-key-x25519 = der öffentliche X25519-Schlüssel { $side ->
    [client] des Clients
   *[other] des Servers
    } (32 Bytes)
wire-key-other = der öffentliche Schlüssel { $side ->
    [client] des Clients
   *[other] des Servers
    } für { $group } ({ $size })
wire-key-share-entry = ein öffentlicher Schlüssel für { $group }; nur der passende private Schlüssel kann ihn verwenden

## Records
wire-content-change-cipher-spec = change_cipher_spec: ein Überbleibsel aus TLS 1.2, nur gesendet, damit alte Middleboxes zufrieden sind
wire-content-alert = alert: eine Warnung oder Fehlermeldung
wire-content-handshake = handshake: Nachrichten, die die Verbindung aufbauen
wire-content-application-data = application_data: verschlüsselt; der echte Inhaltstyp ist darin verborgen
wire-content-unknown = kein Inhaltstyp, den TLS definiert
wire-record-version-tls12 = 0x0303 = TLS 1.2, aus Kompatibilitätsgründen eingefroren; Empfänger ignorieren den Wert
wire-record-version-tls10 = 0x0301 = TLS 1.0, in einem ersten ClientHello erlaubt; Empfänger ignorieren den Wert
wire-record-version-other = { $version }: Empfänger ignorieren dieses Feld
wire-record-length = { $n ->
    [one] das nächste Byte ist die Nutzlast dieses Records
   *[other] die nächsten { $n } Bytes sind die Nutzlast dieses Records
    }
wire-encrypted-record = verschlüsselter Inhalt plus ein 16 Byte langes Authentifizierungs-Tag; ohne die Schlüssel unlesbar
wire-fragment = der Inhalt des Records, nicht verschlüsselt: Jeder auf dem Weg kann ihn lesen
wire-change-cipher-spec = ein Platzhalter-Byte; TLS 1.3 ignoriert es
wire-inner-application-data = die Daten der Anwendung (hier: HTTP), erst nach dem Entschlüsseln lesbar
wire-inner-handshake = Handshake-Nachrichten, vor Lauschern verborgen
wire-inner-alert = ein Alert, vor Lauschern verborgen
wire-inner-other = der geschützte Inhalt
wire-inner-type = der echte Inhaltstyp, { $name }, in der Verschlüsselung verborgen
wire-inner-zeros = Füllbytes (Padding): Nullen, die verbergen, wie lang der Inhalt wirklich ist

## Alerts
wire-alert-level-warning = warning: Die Verbindung darf weiterlaufen
wire-alert-level-fatal = fatal: Die Verbindung endet jetzt
wire-alert-level-unknown = keine Stufe, die TLS definiert
wire-alert-undefined = ein Alert-Code, den TLS nicht definiert

## HTTP innerhalb der Verbindung
http-unreadable = Bytes, die keine vollständige HTTP-Nachricht bilden
http-status-line = Statuszeile: die Protokollversion und das Urteil des Servers
http-request-line = Anfragezeile: Methode, Pfad auf dem Server, Protokollversion
http-header-host = welche Website der Browser anfragt
http-header-content-length = wie viele Bytes der Inhalt hat
http-header-content-type = wie der Inhalt kodiert ist
http-header-user-agent = welcher Browser die Anfrage sendet
http-header-connection = ob die Verbindung offen bleibt
http-header-other = ein HTTP-Header
http-end-of-headers = eine leere Zeile beendet die Header
http-body = der Inhalt der Nachricht
http-form-password = das Passwort, genau wie eingetippt
http-form-card = die Kartennummer
http-form-username = der Benutzername des Kontos
http-form-other = ein Formularfeld

## Cipher Suites
wire-suite-tls_aes_128_gcm_sha256 = AES-128 im GCM-Modus für die Records, SHA-256 für den Key Schedule
wire-suite-tls_aes_256_gcm_sha384 = AES-256 im GCM-Modus für die Records, SHA-384 für den Key Schedule
wire-suite-tls_chacha20_poly1305_sha256 = ChaCha20-Poly1305 für die Records, SHA-256 für den Key Schedule
wire-suite-tls_aes_128_ccm_sha256 = AES-128 im CCM-Modus für die Records, SHA-256 für den Key Schedule
wire-suite-tls_aes_128_ccm_8_sha256 = AES-128 im CCM-Modus mit einem kurzen 8-Byte-Tag, SHA-256 für den Key Schedule
wire-suite-tls_rsa_with_aes_128_cbc_sha = TLS 1.2 und älter: RSA-Schlüsseltransport (keine Forward Secrecy), AES-128-CBC mit HMAC-SHA1
wire-suite-tls_rsa_with_aes_256_cbc_sha = TLS 1.2 und älter: RSA-Schlüsseltransport (keine Forward Secrecy), AES-256-CBC mit HMAC-SHA1
wire-suite-tls_rsa_with_aes_128_cbc_sha256 = TLS 1.2: RSA-Schlüsseltransport (keine Forward Secrecy), AES-128-CBC mit HMAC-SHA256
wire-suite-tls_rsa_with_aes_128_gcm_sha256 = TLS 1.2: Der Client verschlüsselt das Geheimnis mit dem RSA-Schlüssel des Servers (keine Forward Secrecy), AES-128-GCM für die Records
wire-suite-tls_rsa_with_aes_256_gcm_sha384 = TLS 1.2: Der Client verschlüsselt das Geheimnis mit dem RSA-Schlüssel des Servers (keine Forward Secrecy), AES-256-GCM für die Records
wire-suite-tls_ecdhe_ecdsa_with_aes_128_gcm_sha256 = TLS 1.2: ECDHE-Schlüsselaustausch, ECDSA-Zertifikat, AES-128-GCM für die Records
wire-suite-tls_ecdhe_ecdsa_with_aes_256_gcm_sha384 = TLS 1.2: ECDHE-Schlüsselaustausch, ECDSA-Zertifikat, AES-256-GCM für die Records
wire-suite-tls_ecdhe_rsa_with_aes_128_gcm_sha256 = TLS 1.2: ECDHE-Schlüsselaustausch, RSA-Zertifikat, AES-128-GCM für die Records
wire-suite-tls_ecdhe_rsa_with_aes_256_gcm_sha384 = TLS 1.2: ECDHE-Schlüsselaustausch, RSA-Zertifikat, AES-256-GCM für die Records
wire-suite-tls_ecdhe_rsa_with_chacha20_poly1305_sha256 = TLS 1.2: ECDHE-Schlüsselaustausch, RSA-Zertifikat, ChaCha20-Poly1305 für die Records
wire-suite-tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256 = TLS 1.2: ECDHE-Schlüsselaustausch, ECDSA-Zertifikat, ChaCha20-Poly1305 für die Records
wire-suite-tls_empty_renegotiation_info_scsv = keine echte Suite: ein Signal, dass der Client die sichere Neuverhandlung (Renegotiation) unterstützt (TLS 1.2)
wire-suite-tls_fallback_scsv = keine echte Suite: ein Signal, dass dies ein erneuter Versuch mit einer älteren Version ist

## Gruppen (Schlüsselaustausch)
wire-group-secp256r1 = die elliptische Kurve NIST P-256
wire-group-secp384r1 = die elliptische Kurve NIST P-384
wire-group-secp521r1 = die elliptische Kurve NIST P-521
wire-group-x25519 = Curve25519 (X25519), eine schnelle elliptische Kurve
wire-group-x448 = Curve448 (X448), eine elliptische Kurve mit größerer Sicherheitsreserve
wire-group-ffdhe2048 = klassisches Diffie-Hellman modulo einer 2048-Bit-Primzahl
wire-group-ffdhe3072 = klassisches Diffie-Hellman modulo einer 3072-Bit-Primzahl
wire-group-ffdhe4096 = klassisches Diffie-Hellman modulo einer 4096-Bit-Primzahl
wire-group-ffdhe6144 = klassisches Diffie-Hellman modulo einer 6144-Bit-Primzahl
wire-group-ffdhe8192 = klassisches Diffie-Hellman modulo einer 8192-Bit-Primzahl
wire-group-secp256r1mlkem768 = P-256 kombiniert mit ML-KEM-768, das Quantencomputern standhält
wire-group-x25519mlkem768 = X25519 kombiniert mit ML-KEM-768, das Quantencomputern standhält
wire-group-secp384r1mlkem1024 = P-384 kombiniert mit ML-KEM-1024, das Quantencomputern standhält

## Signaturverfahren
wire-scheme-rsa_pkcs1_sha1 = RSA PKCS#1 v1.5 mit SHA-1: veraltet, SHA-1 ist gebrochen
wire-scheme-ecdsa_sha1 = ECDSA mit SHA-1: veraltet, SHA-1 ist gebrochen
wire-scheme-rsa_pkcs1_sha256 = RSA PKCS#1 v1.5 mit SHA-256; TLS 1.3 erlaubt es nur innerhalb von Zertifikaten
wire-scheme-rsa_pkcs1_sha384 = RSA PKCS#1 v1.5 mit SHA-384; TLS 1.3 erlaubt es nur innerhalb von Zertifikaten
wire-scheme-rsa_pkcs1_sha512 = RSA PKCS#1 v1.5 mit SHA-512; TLS 1.3 erlaubt es nur innerhalb von Zertifikaten
wire-scheme-ecdsa_secp256r1_sha256 = ECDSA auf der Kurve P-256 mit SHA-256
wire-scheme-ecdsa_secp384r1_sha384 = ECDSA auf der Kurve P-384 mit SHA-384
wire-scheme-ecdsa_secp521r1_sha512 = ECDSA auf der Kurve P-521 mit SHA-512
wire-scheme-rsa_pss_rsae_sha256 = RSA-PSS mit SHA-256 und einem gewöhnlichen RSA-Schlüssel
wire-scheme-rsa_pss_rsae_sha384 = RSA-PSS mit SHA-384 und einem gewöhnlichen RSA-Schlüssel
wire-scheme-rsa_pss_rsae_sha512 = RSA-PSS mit SHA-512 und einem gewöhnlichen RSA-Schlüssel
wire-scheme-ed25519 = EdDSA auf Curve25519
wire-scheme-ed448 = EdDSA auf Curve448
wire-scheme-rsa_pss_pss_sha256 = RSA-PSS mit SHA-256 und einem RSA-Schlüssel nur für PSS
wire-scheme-rsa_pss_pss_sha384 = RSA-PSS mit SHA-384 und einem RSA-Schlüssel nur für PSS
wire-scheme-rsa_pss_pss_sha512 = RSA-PSS mit SHA-512 und einem RSA-Schlüssel nur für PSS

## Typen von Erweiterungen
wire-ext-server_name = der Name der Website, die der Client aufrufen will; unverschlüsselt gesendet, Lauscher sehen ihn also
wire-ext-max_fragment_length = bittet um kleinere Records, für Geräte mit wenig Speicher
wire-ext-status_request = bittet den Server um einen Nachweis, dass sein Zertifikat nicht widerrufen ist (OCSP)
wire-ext-supported_groups = die Gruppen (Kurven) für den Schlüsselaustausch, die der Absender beherrscht
wire-ext-ec_point_formats = TLS 1.2: welche Kodierungen für Punkte auf elliptischen Kurven der Absender akzeptiert
wire-ext-signature_algorithms = die Signaturverfahren, die der Client vom Server akzeptiert
wire-ext-use_srtp = richtet Schlüssel für verschlüsselte Sprach- und Videoübertragung ein (SRTP)
wire-ext-heartbeat = Keep-alive-Nachrichten (die Funktion hinter dem Heartbleed-Fehler)
wire-ext-application_layer_protocol_negotiation = welches Anwendungsprotokoll innerhalb der Verbindung läuft (ALPN)
wire-ext-signed_certificate_timestamp = ein Nachweis, dass das Zertifikat in einem öffentlichen Log veröffentlicht wurde
wire-ext-client_certificate_type = welche Arten von Client-Zertifikaten verwendet werden dürfen
wire-ext-server_certificate_type = welche Arten von Server-Zertifikaten verwendet werden dürfen
wire-ext-padding = Füllbytes (Padding), die die Größe der Nachricht ändern, um fehlerhafte Middleboxes zu umgehen
wire-ext-encrypt_then_mac = TLS 1.2: schützt CBC-Records in einer sichereren Reihenfolge
wire-ext-extended_master_secret = TLS 1.2: bindet das Master Secret an den ganzen Handshake
wire-ext-compress_certificate = erlaubt dem Server, seine Zertifikate komprimiert zu senden
wire-ext-record_size_limit = der größte Record, den der Absender empfangen will
wire-ext-session_ticket = TLS 1.2: eine frühere Sitzung mit einem Ticket fortsetzen
wire-ext-pre_shared_key = eine frühere Sitzung mit einem Schlüssel fortsetzen, den beide Seiten noch kennen
wire-ext-early_data = der Client sendet Daten, bevor der Handshake abgeschlossen ist (0-RTT)
wire-ext-supported_versions = die angebotenen TLS-Versionen; hier wird TLS 1.3 tatsächlich ausgehandelt
wire-ext-cookie = ein Wert, den der Client auf Wunsch des Servers zurückschicken soll
wire-ext-psk_key_exchange_modes = wie eine fortgesetzte Sitzung frische Schlüssel ableiten darf
wire-ext-certificate_authorities = die Zertifizierungsstellen, denen der Absender vertraut
wire-ext-oid_filters = welche Zertifikatserweiterungen der Server sehen will
wire-ext-post_handshake_auth = der Client kann später noch nach einem Zertifikat gefragt werden
wire-ext-signature_algorithms_cert = die Signaturverfahren, die innerhalb von Zertifikaten akzeptiert werden
wire-ext-key_share = der Anteil des Absenders am Diffie-Hellman-Schlüsselaustausch
wire-ext-quic_transport_parameters = Einstellungen für das Transportprotokoll QUIC
wire-ext-encrypted_client_hello = ein verschlüsseltes inneres ClientHello, das den echten Servernamen verbirgt
wire-ext-application_settings = ALPS (ein Entwurf, den Chrome sendet): Einstellungen für das Anwendungsprotokoll, früh geschickt
wire-ext-renegotiation_info = TLS 1.2: schützt vor einem Angriff über die Neuverhandlung (Renegotiation)

## Protokollversionen
wire-version-tls13 = TLS 1.3 (2018), die Version, die dieses Lab spricht
wire-version-tls12 = TLS 1.2 (2008), noch weit verbreitet
wire-version-tls11 = TLS 1.1 (2006), seit 2021 außer Dienst
wire-version-tls10 = TLS 1.0 (1999), seit 2021 außer Dienst
wire-version-ssl30 = SSL 3.0 (1996), gebrochen und außer Dienst

## Beschreibungen der Alerts
wire-alert-close_notify = der Absender ist fertig und schließt die Verbindung regulär
wire-alert-unexpected_message = eine Nachricht kam an, die an dieser Stelle nicht hingehört
wire-alert-bad_record_mac = ein Record hat seine Integritätsprüfung nicht bestanden: Er wurde unterwegs verändert, oder die Schlüssel unterscheiden sich
wire-alert-record_overflow = ein Record war länger, als TLS erlaubt
wire-alert-handshake_failure = die beiden Seiten konnten sich nicht auf Sicherheitseinstellungen einigen
wire-alert-bad_certificate = ein Zertifikat war beschädigt, oder seine Signatur war nicht gültig
wire-alert-unsupported_certificate = ein Zertifikat hatte einen Typ, den der Empfänger nicht verwenden kann
wire-alert-certificate_revoked = ein Zertifikat wurde von der Stelle widerrufen, die es ausgestellt hat
wire-alert-certificate_expired = ein Zertifikat liegt außerhalb seines Gültigkeitszeitraums
wire-alert-certificate_unknown = ein Zertifikat konnte aus einem anderen Grund nicht akzeptiert werden
wire-alert-illegal_parameter = ein Feld hatte einen Wert, der hier nicht erlaubt ist
wire-alert-unknown_ca = die Zertifikatskette führt zu keiner Zertifizierungsstelle, der der Empfänger vertraut
wire-alert-access_denied = die Gegenseite ist, wer sie zu sein behauptet, hat aber keinen Zugang
wire-alert-decode_error = eine Nachricht ließ sich nicht lesen: Eine Länge oder ein Format war falsch
wire-alert-decrypt_error = eine Signatur- oder Finished-Prüfung ist fehlgeschlagen
wire-alert-protocol_version = die Gegenseite will eine TLS-Version, die der Empfänger nicht unterstützt
wire-alert-insufficient_security = die angebotenen Einstellungen sind schwächer, als der Empfänger verlangt
wire-alert-internal_error = der Absender ist auf einen Fehler gestoßen oder hat keine Ressourcen mehr
wire-alert-inappropriate_fallback = ein erneuter Versuch mit einer älteren Version sah nach einem Downgrade-Angriff aus
wire-alert-user_canceled = der Benutzer hat den Handshake abgebrochen
wire-alert-missing_extension = eine nötige Erweiterung wurde nicht gesendet
wire-alert-unsupported_extension = eine Erweiterung kam vor, nach der nicht gefragt wurde
wire-alert-unrecognized_name = der Server bedient den angefragten Namen nicht
wire-alert-bad_certificate_status_response = eine Antwort zum Zertifikatsstatus (OCSP) war ungültig
wire-alert-unknown_psk_identity = der vom Client genannte Pre-Shared Key ist unbekannt
wire-alert-certificate_required = der Server brauchte ein Client-Zertifikat und hat keins bekommen
wire-alert-no_application_protocol = kein Anwendungsprotokoll (ALPN) wird von beiden Seiten unterstützt

## Warum Bytes keine gültige TLS-Struktur sind (die Einzelheit eines Decode-Fehlers)
wire-error-length-below = Länge { $len } liegt unter dem Minimum von { $min }
wire-error-length-above = Länge { $len } liegt über dem Maximum von { $max }
wire-error-length-multiple = Länge { $len } ist kein Vielfaches von { $unit }
wire-error-trailing = { $n ->
    [one] 1 unerwartetes Byte
   *[other] { $n } unerwartete Bytes
} nach dem Ende, ab Offset { $offset }
wire-error-extension-twice = Erweiterung { $extension } kommt in einer { $message } zweimal vor
wire-error-extension-not-allowed = { $extension } ist in { $message } nicht erlaubt
wire-error-two-key-shares = zwei Schlüsselanteile für die Gruppe { $group }
wire-error-name-type = Namenstyp { $name_type } ist nicht host_name (0)
wire-error-host-not-utf8 = der Hostname ist kein gültiger UTF-8-Text
wire-error-two-host-names = mehr als ein host_name
wire-error-one-protocol = der Server muss genau ein Protokoll wählen, nicht { $n }
wire-error-verify-data-empty = verify_data ist leer
wire-error-only-zeros = nur Nullen: kein Inhaltstyp gefunden
