# Handshake Lab — deutscher UI-Text.
# Gleiche Schlüssel wie en.ftl; nur der Text ist übersetzt. Begriffe nach
# "Deutsch: Begriffe" in lessons/README.md; Anrede mit "du".

app-title = Handshake Lab
app-subtitle = wie HTTPS eine Anmeldung schützt

## Top bar
settings-theme-light = Helles Design
settings-theme-dark = Dunkles Design
settings-presentation = Präsentationsmodus
settings-presentation-hint = Größere Schrift für einen Beamer

## Inputs
inputs-password = Passwort
inputs-server-name = Servername
inputs-seed = Seed
inputs-invalid = Nicht simuliert: { $reason }
inputs-changed-hint = Bytes, die sich seit den vorigen Eingaben geändert haben, sind orange unterstrichen.

## Step controls
controls-back = Zurück
controls-next = Weiter
controls-play = Abspielen
controls-pause = Pause
controls-restart = Von vorn
controls-pace = Tempo
controls-pace-seconds = { $s } s pro Schritt
controls-position = Schritt { $k } von { $n }
controls-keys-hint = Tasten: Rechts oder Leertaste weiter, Links zurück, Pos1 erster, Ende letzter Schritt; F1 alle Tastenkürzel
controls-sent-by = gesendet vom { $side } bei { $time } ms

## Sequence view
sequence-heading = Das Gespräch
sequence-client = Browser (Client)
sequence-wire = Leitung
sequence-server = Bank (Server)
sequence-legend = Schutz:
sequence-tap = hier liest der Lauscher mit
protection-plaintext = Klartext
protection-handshake = Handshake-Schlüssel
protection-application = Anwendungsschlüssel
protection-plaintext-explain = für jeden auf der Leitung lesbar
protection-handshake-explain = verschlüsselt mit Schlüsseln aus dem Schlüsselaustausch
protection-application-explain = verschlüsselt mit den endgültigen Traffic-Schlüsseln
protection-session = Sitzungsschlüssel (TLS 1.2)
protection-session-explain = verschlüsselt mit TLS-1.2-Schlüsseln aus dem Premaster Secret
sequence-arrow = { $k }. { $message } ({ $protection })

## Panels
panel-keys = Schlüssel
panel-eavesdropper = Lauscher
panel-certificate = Zertifikat

## Inspector
inspector-record = Record { $index }: { $message }, { $len } Bytes
inspector-wire-bytes = Bytes auf der Leitung (was alle sehen)
inspector-inner-bytes = Entschlüsselter innerer Klartext (was nur die beiden Enden sehen)
inspector-fields = Felder
inspector-hover-hint = Zeige auf ein Byte oder ein Feld, um zu sehen, was es bedeutet; klicke, um es ausgewählt zu lassen.
inspector-field-bytes = Bytes { $start }..{ $end } ({ $len ->
    [one] 1 Byte
   *[other] { $len } Bytes
})
inspector-no-records = Dieser Schritt sendet nichts über die Leitung.
inspector-tampered = Der Angreifer hat diesen Record unterwegs verändert: Die Felder zeigen, was ankam.

## Keys
keys-heading = Geheimnisse, die nach diesem Schritt bekannt sind
keys-none = Noch keine Geheimnisse: Es wurde noch nichts vereinbart.
keys-known-by = bekannt bei: { $who }
keys-eavesdropper-never = Der Lauscher erfährt keines davon: Er hat nur öffentliche Schlüsselanteile gesehen.
keys-side-client = Client
keys-side-server = Server
keys-side-attacker = Angreifer
keys-group-shared = Schlüsselaustausch (ECDHE)
keys-group-early = Early Secret
keys-group-handshake = Handshake Secret und Traffic Secrets
keys-group-handshake-keys = Handshake-Schlüssel und IVs
keys-group-master = Master Secret und Traffic Secrets
keys-group-application-keys = Anwendungsschlüssel und IVs
keys-group-finished = Finished-Schlüssel
keys-group-other = Weitere Geheimnisse
keys-open = Ableitung zeigen
keys-derivation-heading = Wie { $name } abgeleitet wird
keys-function = Funktion
keys-label = Label
keys-label-full = Label auf der Leitung: "tls13 { $label }"
keys-context = Kontext (Transkript-Hash)
keys-context-empty = (leer)
keys-hkdf-label = HkdfLabel (die Info für HKDF-Expand)
keys-output = Ergebnis
keys-close = Schließen
keys-new-here = neu in diesem Schritt

## Eavesdropper
eaves-heading = Was ein Lauscher auf der Leitung liest
eaves-http = Einfaches HTTP
eaves-https = HTTPS (TLS 1.3)
eaves-nothing-yet = Noch nichts auf der Leitung.
eaves-sensitive = GEHEIM, für jeden lesbar
eaves-same-inputs = Beide Sitzungen verwenden dasselbe Passwort, denselben Servernamen und denselben Seed.
obs-timing = Zeit
obs-record_size = Record
obs-server_name = Servername (SNI)
obs-versions_offered = angebotene Versionen
obs-cipher_suites_offered = angebotene Cipher Suites
obs-groups_offered = angebotene Gruppen
obs-public_key_share = öffentlicher Schlüsselanteil
obs-version_chosen = gewählte Version
obs-cipher_suite_chosen = gewählte Cipher Suite
obs-ciphertext = Geheimtext
obs-alert = Alert
obs-http_start_line = HTTP-Startzeile
obs-http_header = HTTP-Header
obs-username = Benutzername
obs-password = Passwort
obs-card_number = Kartennummer
obs-http_body = Inhalt
obs-server_certificate = Zertifikat (bei TLS 1.2 im Klartext gesendet)
obs-group_requested = verlangte Gruppe (HelloRetryRequest)

## Certificate
cert-heading = Die Zertifikatskette des Servers
cert-not-yet = Der Server hat sein Zertifikat noch nicht gesendet.
cert-root = Root-CA (der Browser vertraut ihr)
cert-server = Server-Zertifikat
cert-subject = Inhaber (Subject)
cert-issuer = Aussteller (Issuer)
cert-serial = Seriennummer
cert-san = Namen (SAN)
cert-san-none = keine (ein CA-Zertifikat nennt keine Website)
cert-validity = Gültig
cert-validity-range = von { $from } bis { $to }
cert-is-ca = Zertifizierungsstelle
cert-key-usage = Schlüsselverwendung
cert-public-key = Öffentlicher Schlüssel (P-256)
cert-signature = Signatur ({ $alg })
cert-yes = ja
cert-no = nein
cert-checks = Die Prüfungen des Browsers
cert-checks-none = Der Browser hat noch nichts geprüft.
cert-pass = BESTANDEN
cert-fail = NICHT BESTANDEN
cert-unreadable = Dieses Zertifikat ließ sich nicht lesen: { $reason }

## Outcome
outcome-completed = Die Sitzung wurde abgeschlossen.
outcome-aborted = Der { $side } hat mit dem Alert { $alert } abgebrochen: { $reason }
step-failure = Der { $side } hat hier aufgegeben: { $alert } ({ $reason })

## Steps: a title and a plain-words explanation per step name
step-client_hello = ClientHello: Der Browser sagt Hallo
step-client_hello-explain = Der Browser eröffnet das Gespräch im Klartext. Er sendet eine frische Zufallszahl, die TLS-Versionen und Cipher Suites, die er beherrscht, den Namen der Website, die er erreichen will (server_name), und einen neuen öffentlichen Schlüsselanteil für ECDHE. Die private Hälfte verlässt den Browser nie.
step-server_hello = ServerHello: Der Server wählt aus und antwortet
step-server_hello-explain = Der Server wählt TLS 1.3 und eine Cipher Suite und sendet seine eigene Zufallszahl und seinen öffentlichen Schlüsselanteil. Jede Seite verknüpft jetzt ihren privaten Schlüssel mit dem öffentlichen Schlüssel der anderen und erhält dasselbe gemeinsame Geheimnis; der Lauscher hat beide öffentlichen Schlüssel gesehen, kann es aber nicht berechnen. Ab hier ist alles verschlüsselt.
step-encrypted_extensions = EncryptedExtensions: die übrigen Einstellungen
step-encrypted_extensions-explain = Die erste verschlüsselte Nachricht, geschützt mit dem Handshake-Schlüssel des Servers. Sie enthält die Einstellungen, die nicht öffentlich sein müssen, etwa das Anwendungsprotokoll (http/1.1).
step-certificate = Certificate: wer der Server zu sein behauptet
step-certificate-explain = Der Server sendet sein Zertifikat: seinen Namen (bank.example), seinen öffentlichen Signaturschlüssel und eine Signatur einer Zertifizierungsstelle, der der Browser vertraut. Der Browser prüft die Signatur, den Namen und die Daten der Gültigkeit. Das beweist, dass der Schlüssel zu dem Namen gehört, aber noch nicht, dass der Server den Schlüssel besitzt.
step-certificate_verify = CertificateVerify: Beweis für den privaten Schlüssel
step-certificate_verify-explain = Der Server signiert einen Hash aller bisherigen Handshake-Nachrichten mit dem privaten Schlüssel, der zu seinem Zertifikat passt. Nur der echte Inhaber des Zertifikats kann diese Signatur erstellen, und weil sie die Schlüsselanteile dieses Handshakes abdeckt, kann ein Angreifer keine alte wiederverwenden.
step-server_finished = Finished (Server): Der Handshake ist unversehrt
step-server_finished-explain = Der Server sendet einen MAC über den ganzen Handshake, mit einem Schlüssel aus dem Handshake Secret. Hätte jemand auch nur ein Byte der früheren Nachrichten verändert, wäre der MAC des Browsers anders und er würde abbrechen. Der Server kann jetzt die Anwendungsschlüssel ableiten.
step-client_finished = Finished (Client): Der Browser stimmt zu
step-client_finished-explain = Der Browser prüft das Finished des Servers und sendet seinen eigenen MAC über den Handshake. Beide Seiten haben jetzt bewiesen, dass sie dieselben Nachrichten gesehen haben und dieselben Geheimnisse kennen; der Handshake ist fertig.
step-http_request = Die Anmeldung, verschlüsselt
step-http_request-explain = Der Browser sendet POST /login mit Benutzername, Passwort und Kartennummer, verschlüsselt mit dem Anwendungsschlüssel des Clients. Auf der Leitung ist es nur Geheimtext von etwa derselben Länge.
step-http_response = Die Antwort der Bank, verschlüsselt
step-http_response-explain = Der Server beantwortet die Anmeldung, verschlüsselt mit dem Anwendungsschlüssel des Servers. Der Browser entschlüsselt sie und prüft ihr Authentifizierungs-Tag, so würde ein verändertes Byte bemerkt.
step-client_close_notify = close_notify (Client): Der Browser verabschiedet sich
step-client_close_notify-explain = Der Browser sendet einen verschlüsselten close_notify-Alert: Er sendet keine Daten mehr. So kann der Server ein sauberes Ende von einer Verbindung unterscheiden, die ein Angreifer gekappt hat.
step-server_close_notify = close_notify (Server): Der Server verabschiedet sich
step-server_close_notify-explain = Der Server antwortet mit seinem eigenen close_notify. Die Verbindung endet sauber in beide Richtungen.
step-client_alert = Alert vom Browser: Etwas stimmt nicht
step-client_alert-explain = Der Browser hat ein Problem gefunden (ein Zertifikat, dem er nicht trauen kann, einen falschen MAC, eine beschädigte Nachricht) und sendet einen fatalen Alert, der es benennt. Die Verbindung endet hier: Nichts wird mehr gesendet oder angenommen.
step-server_alert = Alert vom Server: Etwas stimmt nicht
step-server_alert-explain = Der Server hat ein Problem mit dem gefunden, was er empfangen hat (eine Nachricht, die sich nicht entschlüsseln oder nicht lesen lässt, ein falsches Finished), und sendet einen fatalen Alert, der es benennt. Die Verbindung endet hier.
step-unknown = { $name }
step-unknown-explain = Für diesen Schritt wurde noch keine Erklärung geschrieben.

## Lessons (lesson list, lesson panel, lesson mode)
lessons-button = Lektionen
lessons-button-hint = Die Liste der Lektionen zeigen oder ausblenden
lessons-heading = Lektionen
lessons-back-to-lesson = Zurück zur Lektion
lessons-close-list = Schließen
lessons-open = { $id }: { $title }
lessons-open-broken = { $id }: Diese Lektion hat ein Problem
lessons-progress = { $seen } von { $n } Schritten gesehen
lessons-progress-done = fertig: alle { $n } Schritte gesehen
lessons-from-teacher = (aus deinem Lektionsordner)
lessons-broken = Diese Lektion hat ein Problem:
lessons-broken-hint = Korrigiere die Datei und starte Handshake Lab neu. Alle anderen Lektionen funktionieren weiter.
lessons-all = Alle Lektionen
lessons-leave = Lektion verlassen
lessons-position = Lektionsschritt { $k } von { $n }
lessons-stale = Diese Lektion passt nicht zu den eingegebenen Werten; sie zeigt die Werte der letzten Eingaben, zu denen sie passte ({ $error }).
lessons-look-at = Schau auf: { $panel }
lessons-elsewhere = Die Sitzung zeigt eine andere Nachricht als dieser Lektionsschritt.
lessons-realign = Zurück zur Nachricht der Lektion
lessons-question = Frage
lessons-answer = Antwort
lessons-reveal = Antwort zeigen
lessons-keys-hint = Rechts oder Leertaste: nächster Schritt. Links: zurück. Pos1: erster. Ende: letzter.
lessons-focus-tag = Hierauf zeigt die Lektion
lessons-panel-sequence = die Ablaufansicht (links)
lessons-panel-inspector = die Bytes und Felder der Nachricht (Mitte)
lessons-panel-keys = die Schlüsselansicht (rechts)
lessons-panel-certificate = die Zertifikatsansicht (rechts)
lessons-panel-eavesdropper = die Lauscher-Ansicht (rechts)
lessons-panel-inputs = die Eingaben oben (Passwort, Servername, Seed)

## Lessons: the two HTTP steps when the session is plain HTTP (lesson 1)
step-http_request-plain = Die Anmeldung, im Klartext
step-http_request-plain-explain = Der Browser sendet POST /login mit Benutzername, Passwort und Kartennummer als Klartext. Jeder auf der Leitung liest es, wie es ist.
step-http_response-plain = Die Antwort der Bank, im Klartext
step-http_response-plain-explain = Der Server beantwortet die Anmeldung im Klartext. Jeder auf der Leitung liest sie und könnte sie verändern.

## Accessibility, keyboard and language (issue 7: help overlay, regions, screen
## readers, language choice)
settings-language = Sprache:
settings-language-name = Deutsch
settings-language-hint = Die Sprache des Fensters und der Lektionen
help-button = Tastenkürzel (F1)
help-button-hint = Alle Tastenkürzel
help-heading = Tastenkürzel
help-close = Schließen
help-screen-reader = Mit einem Screenreader: Jedes Bedienelement hat einen Namen; jeder neue Schritt wird mit Titel und Erklärung angesagt; im Inspektor liest sich ein Feld als Name, Wert und Bedeutung; in der Schlüsselansicht liest "Wert vorlesen" den Wert eines Geheimnisses.
help-regions = Die Bereiche:
help-region-line = Alt+{ $n }: { $region }
help-keys-help = ? oder F1
help-do-help = diese Hilfe (Esc schließt sie)
help-keys-tab = Tab, Umschalt+Tab
help-do-tab = nächstes oder vorheriges Bedienelement
help-keys-regions = F6, Umschalt+F6
help-do-regions = nächster oder vorheriger Bereich des Fensters
help-keys-region-n = Alt+1 bis Alt+6
help-do-region-n = direkt zu einem Bereich (unten aufgelistet)
help-keys-next = Rechts, Leertaste, Bild ab
help-do-next = nächster Schritt
help-keys-back = Links, Bild auf
help-do-back = vorheriger Schritt
help-keys-first-last = Pos1, Ende
help-do-first-last = erster Schritt, letzter Schritt
help-keys-activate = Eingabe, Leertaste
help-do-activate = die Schaltfläche mit dem Fokus drücken oder den Eintrag mit dem Fokus wählen (die Leertaste geht einen Schritt weiter, wenn nichts den Fokus hat)
help-keys-up-down = Hoch, Runter
help-do-up-down = das Bedienelement darüber oder darunter (im Ablauf: die vorige oder nächste Nachricht; Eingabe zeigt sie)
help-keys-escape = Esc
help-do-escape = das Bedienelement mit dem Fokus verlassen, damit Links, Rechts, Pos1 und Ende wieder Schritte wechseln
help-keys-inspector-fields = Hoch, Runter im Inspektor
help-do-inspector-fields = voriges oder nächstes Feld der Nachricht
help-keys-inspector-bytes = Links, Rechts, Pos1, Ende im Inspektor
help-do-inspector-bytes = voriges oder nächstes Byte, erstes oder letztes Byte (das Feld folgt dem Byte)
a11y-region-lesson = die Lektion
a11y-region-inputs = die obere Leiste (Lektionen, Eingaben, Einstellungen)
a11y-region-sequence = die Ablaufansicht
a11y-region-inspector = der Inspektor (Felder und Bytes)
a11y-region-side = die Seitenansicht (Schlüssel, Lauscher, Zertifikat)
a11y-region-controls = die Schrittsteuerung
a11y-announcement = Der gezeigte Schritt
a11y-field = { $name } = { $value }. { $meaning }. { $bytes }
a11y-field-no-value = { $name }. { $meaning }. { $bytes }
a11y-byte = Byte { $offset }
a11y-inspector-cursor = Die Felder dieser Nachricht: Drücke Hoch oder Runter, um ein Feld zu wählen
a11y-inspector-keys = Hoch und Runter: voriges und nächstes Feld. Links und Rechts: voriges und nächstes Byte. Pos1 und Ende: erstes und letztes Byte.
a11y-read-value-of = Den Wert von { $name } vorlesen
a11y-hide-value-of = Den Wert von { $name } ausblenden
keys-read-value = Wert vorlesen
keys-hide-value = Wert ausblenden
keys-value-of = { $name } ({ $len } Bytes): { $hex }

## Slides (issue 5): export a lesson as PNG slides; the caption a slide carries
slides-caption-step = Schritt { $number } von { $count }: { $title }
slides-open = Lektion als Folien exportieren…
slides-open-hint = Ein PNG pro Schritt einer Lektion, im Präsentationsmodus, jeweils mit dem Titel der Lektion und des Schritts
slides-window-title = Lektion als Folien exportieren
slides-lesson = Lektion
slides-size = Größe
slides-size-default = { $size } (Standard)
slides-folder = Ordner
slides-export = Exportieren
slides-cancel = Abbrechen
slides-progress = Folie { $done } von { $total }
slides-done = { $count } Folien in { $folder } gespeichert
slides-failed = Export fehlgeschlagen: { $reason }
slides-cancelled = Abgebrochen: Es wurden keine Folien gespeichert.
slides-no-lessons = Keine Lektion ließ sich laden

## Scenario choice and per-scenario step texts (app3: scenarios)
scenario-label = Szenario
scenario-hint = Welche Anmeldung simuliert wird: dieselben Eingaben, ein anderes Protokoll oder ein Angriff
scenario-name-http = HTTP: keine Verschlüsselung
scenario-name-https = HTTPS: TLS 1.3 (Standard)
scenario-name-tamper = Manipulation: ein Byte auf der Leitung verändert
scenario-name-mitm = Angreifer in der Mitte (Man in the Middle)
scenario-name-wrong-host = Zertifikat für eine andere Website
scenario-name-expired = Abgelaufenes Zertifikat
scenario-name-tls12-rsa = TLS 1.2 mit RSA-Schlüsseltransport
scenario-name-key-compromise = Schlüssel später gestohlen: Forward Secrecy
scenario-name-hrr = HelloRetryRequest: Der Server fragt noch einmal
scenario-explain-http = Die Anmeldung über einfaches HTTP: Jeder auf der Leitung liest jedes Byte.
scenario-explain-https = Die Anmeldung über HTTPS: TLS 1.3 mit einem ECDHE-Schlüsselaustausch. Der Lauscher sieht nur Geheimtext.
scenario-explain-tamper = Ein Angreifer dreht unterwegs ein Bit der verschlüsselten Anmeldung um. Die AEAD-Prüfung des Servers bemerkt es.
scenario-explain-mitm = Ein Angreifer sitzt in der Mitte und führt mit jeder Seite einen eigenen Handshake. Aber sein Zertifikat stammt von einer CA, der der Browser nicht vertraut.
scenario-explain-wrong-host = Das Zertifikat des Servers ist gültig, nennt aber eine andere Website als die besuchte.
scenario-explain-expired = Das Zertifikat des Servers ist vor dem simulierten Datum abgelaufen.
scenario-explain-tls12-rsa = Der klassische Handshake von TLS 1.2: Der Browser verschlüsselt das Premaster Secret mit dem RSA-Schlüssel des Servers.
scenario-explain-key-compromise = Ein Lauscher zeichnet eine Anmeldung über TLS 1.2 mit RSA und eine über TLS 1.3 auf. Dann stiehlt er die privaten Schlüssel des Servers: Die erste lässt sich entschlüsseln, die zweite nicht.
scenario-explain-hrr = Der Browser schickt keinen Schlüsselanteil: Der Server fragt mit einem HelloRetryRequest noch einmal nach, dann geht die Anmeldung weiter. Das kostet eine zusätzliche Runde.
sequence-attacker = Angreifer (in der Mitte)
sequence-arrow-no-record = { $k }. { $message } (nichts auf der Leitung)
cert-none-http = Einfaches HTTP hat kein Zertifikat: Nichts sagt dem Browser, wer antwortet.
step-http-http_request = Die Anmeldung, im Klartext
step-http-http_request-explain = Über einfaches HTTP sendet der Browser POST /login mit Benutzername, Passwort und Kartennummer als lesbaren Text. Jeder auf der Leitung (WLAN, Router, Provider) kann sie lesen und sogar verändern.
step-http-http_response = Die Antwort der Bank, im Klartext
step-http-http_response-explain = Auch die Antwort der Bank ist lesbarer Text. Nichts beweist, dass sie von der Bank kommt oder unverändert ankam.
step-tamper-http_request = Die Anmeldung, unterwegs verändert
step-tamper-http_request-explain = Der Browser sendet die verschlüsselte Anmeldung, aber der Angreifer dreht auf der Leitung ein Bit davon um. Der Angreifer kann den Geheimtext nicht lesen. Er kann auch das Authentifizierungs-Tag nicht anpassen, denn dafür braucht er den Schlüssel.
step-tamper-server_alert = bad_record_mac: Der Server bemerkt es
step-tamper-server_alert-explain = Der Server entschlüsselt den veränderten Record, aber das AEAD-Tag passt nicht. Also verwirft er den ganzen Record und sendet einen bad_record_mac-Alert. Die veränderte Anmeldung erreicht die Anwendung der Bank nie.
step-wrong-host-certificate = Certificate: für einen anderen Namen ausgestellt
step-wrong-host-certificate-explain = Der Server sendet ein Zertifikat, das eine vertrauenswürdige Zertifizierungsstelle signiert hat. Aber es gilt für eine andere Website als die, nach der der Browser gefragt hat. Eine gültige Signatur reicht nicht: Auch der Name muss passen.
step-wrong-host-client_alert = bad_certificate: Der Name passt nicht
step-wrong-host-client_alert-explain = Der Browser vergleicht die Namen im Zertifikat mit der Website, die er besucht. Er findet keinen passenden Namen und bricht mit einem bad_certificate-Alert ab, bevor er etwas Geheimes sendet.
step-expired-certificate = Certificate: nach seinem Ablaufdatum
step-expired-certificate-explain = Der Server sendet ein Zertifikat, das eine vertrauenswürdige Zertifizierungsstelle signiert hat. Aber seine Gültigkeit endete vor dem heutigen (simulierten) Datum.
step-expired-client_alert = certificate_expired: zu alt, um ihm zu vertrauen
step-expired-client_alert-explain = Der Browser prüft die Daten im Zertifikat, stellt fest, dass es abgelaufen ist, und bricht mit einem certificate_expired-Alert ab. Die Anmeldung wird nie gesendet.
step-mitm-client_hello = ClientHello: vom Angreifer abgefangen
step-mitm-client_hello-explain = Der Browser sagt Hallo zur Bank, aber der Angreifer in der Mitte fängt es ab. Der Browser merkt das nicht: Auf der Leitung steht nirgends, wer antworten wird.
step-attacker_client_hello = Der Angreifer sagt Hallo zur Bank
step-attacker_client_hello-explain = Der Angreifer öffnet eine eigene Verbindung zur echten Bank, mit eigener Zufallszahl und eigenem Schlüsselanteil, als wäre er ein gewöhnlicher Browser.
step-attacker_server_hello = Der Angreifer antwortet als Bank
step-attacker_server_hello-explain = Der Angreifer antwortet dem Browser mit seinem eigenen Schlüsselanteil. Browser und Angreifer haben jetzt ein gemeinsames Geheimnis: Der Schlüsselaustausch funktioniert, aber er beweist nur „dasselbe Geheimnis“, nicht „wer“.
step-attacker_encrypted_extensions = EncryptedExtensions vom Angreifer
step-attacker_encrypted_extensions-explain = Der Angreifer sendet die üblichen Einstellungen, verschlüsselt mit den Schlüsseln, die er mit dem Browser teilt.
step-attacker_certificate = Das Zertifikat des Angreifers
step-attacker_certificate-explain = Der Angreifer zeigt ein Zertifikat für den Namen der Bank, aber ausgestellt von seiner eigenen „Evil Proxy CA“. Dieser Zertifizierungsstelle vertraut der Browser nicht.
step-attacker_certificate_verify = CertificateVerify vom Angreifer
step-attacker_certificate_verify-explain = Der Angreifer signiert den Handshake mit seinem eigenen Schlüssel. Die Signatur selbst ist korrekt: Das Problem ist, wem der Schlüssel gehört.
step-attacker_server_finished = Finished vom Angreifer
step-attacker_server_finished-explain = Der Angreifer schließt seine Hälfte des Handshakes mit dem Browser ab. Verschlüsselung allein hat ihn nicht aufgehalten.
step-mitm-server_hello = ServerHello: Die Bank antwortet dem Angreifer
step-mitm-server_hello-explain = Die echte Bank antwortet auf das Hallo des Angreifers. Angreifer und Bank haben jetzt ein zweites, anderes gemeinsames Geheimnis: ein Schlüsselaustausch mit jeder Seite.
step-mitm-encrypted_extensions = EncryptedExtensions von der Bank
step-mitm-encrypted_extensions-explain = Die Einstellungen der Bank, verschlüsselt mit den Schlüsseln, die sie mit dem Angreifer teilt.
step-mitm-certificate = Das echte Zertifikat der Bank, an den Angreifer
step-mitm-certificate-explain = Die Bank sendet ihr echtes Zertifikat, aber an den Angreifer. Der Angreifer kann es nicht an den Browser weitergeben: Ihm fehlt der private Schlüssel der Bank, um damit zu signieren.
step-mitm-certificate_verify = CertificateVerify von der Bank
step-mitm-certificate_verify-explain = Die Bank beweist dem Angreifer, dass sie ihren privaten Schlüssel besitzt.
step-mitm-server_finished = Finished von der Bank
step-mitm-server_finished-explain = Die Bank schließt ihre Hälfte des Handshakes mit dem Angreifer ab.
step-mitm-client_alert = unknown_ca: Der Browser stoppt den Angreifer
step-mitm-client_alert-explain = Der Browser prüft das Zertifikat des Angreifers. Er stellt fest, dass es von einer Zertifizierungsstelle stammt, der er nicht vertraut, und sendet unknown_ca. Die Prüfung der Authentizität hat den Angriff gestoppt, nicht die Verschlüsselung: Es wurde kein Passwort gesendet.
step-attacker_client_finished = Der Angreifer beendet den Handshake mit der Bank
step-attacker_client_finished-explain = Der Angreifer schließt seinen Handshake mit der Bank ab, aber er hat nichts weiterzuleiten: Der Browser hat schon aufgelegt.
step-attacker_client_close_notify = Der Angreifer schließt die Verbindung zur Bank
step-attacker_client_close_notify-explain = Der Angreifer verabschiedet sich mit close_notify von der Bank.
step-mitm-server_close_notify = Die Bank verabschiedet sich
step-mitm-server_close_notify-explain = Die Bank antwortet mit close_notify. Der Angreifer hat nichts über die Anmeldung erfahren.
step-tls12-rsa-client_hello = ClientHello: TLS 1.2 angeboten
step-tls12-rsa-client_hello-explain = Der Browser bietet TLS 1.2 und die Cipher Suite TLS_RSA_WITH_AES_128_GCM_SHA256 an, mit einer frischen Zufallszahl. Anders als bei TLS 1.3 gibt es keinen Schlüsselanteil: Der Schlüssel kommt später, verschlüsselt.
step-tls12-rsa-server_hello = ServerHello: TLS 1.2 gewählt
step-tls12-rsa-server_hello-explain = Der Server wählt TLS 1.2 und die RSA-Cipher-Suite und sendet seine eigene Zufallszahl. Noch ist nichts verschlüsselt.
step-tls12-rsa-certificate = Certificate, im Klartext
step-tls12-rsa-certificate-explain = Der Server sendet sein Zertifikat mit seinem öffentlichen RSA-Schlüssel. Bei TLS 1.2 ist es nicht verschlüsselt, also sieht der Lauscher, welches Zertifikat die Website verwendet. Der Browser prüft Signatur, Namen und Daten der Gültigkeit.
step-tls12-rsa-server_hello_done = ServerHelloDone: Der Server ist fertig
step-tls12-rsa-server_hello_done-explain = Der Server sagt, dass er vorerst nichts mehr zu senden hat: Jetzt ist der Browser dran.
step-tls12-rsa-client_key_exchange = ClientKeyExchange: das Geheimnis, mit RSA verschlüsselt
step-tls12-rsa-client_key_exchange-explain = Der Browser erzeugt ein zufälliges Premaster Secret und verschlüsselt es mit dem öffentlichen RSA-Schlüssel des Servers. Nur wer den privaten Schlüssel besitzt, kann es öffnen. Beide Seiten machen daraus das Master Secret und die Sitzungsschlüssel. Wer diesen privaten Schlüssel später stiehlt, kann es auch öffnen.
step-tls12-rsa-client_change_cipher_spec = ChangeCipherSpec (Client)
step-tls12-rsa-client_change_cipher_spec-explain = Eine Nachricht aus einem Byte: Ab dem nächsten Record verschlüsselt der Browser mit den neuen Sitzungsschlüsseln.
step-tls12-rsa-client_finished = Finished (Client), verschlüsselt
step-tls12-rsa-client_finished-explain = Die erste verschlüsselte Nachricht des Browsers: ein MAC über den ganzen Handshake, berechnet aus dem Master Secret. Der Server prüft ihn. So ist er sicher, dass beide dieselben Nachrichten gesehen haben.
step-tls12-rsa-server_change_cipher_spec = ChangeCipherSpec (Server)
step-tls12-rsa-server_change_cipher_spec-explain = Auch der Server wechselt ab dem nächsten Record zu den neuen Sitzungsschlüsseln.
step-tls12-rsa-server_finished = Finished (Server), verschlüsselt
step-tls12-rsa-server_finished-explain = Der MAC des Servers über den Handshake. Nur ein Server, der das Premaster Secret entschlüsseln konnte, also einer mit dem privaten Schlüssel des Zertifikats, kann ihn berechnen. So beweist der Server bei TLS 1.2 mit RSA, wer er ist.
step-tls12-rsa-http_request = Die Anmeldung, verschlüsselt (TLS 1.2)
step-tls12-rsa-http_request-explain = Der Browser sendet POST /login, verschlüsselt mit seinem Sitzungsschlüssel zum Senden (AES-128-GCM). Auf der Leitung ist es nur Geheimtext.
step-tls12-rsa-http_response = Die Antwort der Bank, verschlüsselt (TLS 1.2)
step-tls12-rsa-http_response-explain = Die Bank antwortet mit dem Sitzungsschlüssel des Servers zum Senden. Der Browser prüft das Tag und entschlüsselt die Antwort.
step-stolen_key_tls12_rsa = Gestohlener Schlüssel gegen die aufgezeichnete Anmeldung über TLS 1.2
step-stolen_key_tls12_rsa-explain = Später stiehlt der Angreifer den privaten RSA-Schlüssel des Servers. Aus der Aufzeichnung der Leitung nimmt er das verschlüsselte Premaster Secret, entschlüsselt es mit dem gestohlenen Schlüssel, berechnet die Sitzungsschlüssel und liest die ganze Anmeldung. Es gibt keine Forward Secrecy (Vorwärtsgeheimhaltung).
step-stolen_key_tls13_ecdhe = Gestohlener Schlüssel gegen die aufgezeichnete Anmeldung über TLS 1.3
step-stolen_key_tls13_ecdhe-explain = Derselbe gestohlene Schlüssel hilft gegen TLS 1.3 nicht: Der Schlüssel des Zertifikats hat nur den Handshake signiert. Die Traffic-Schlüssel stammen aus privaten ECDHE-Schlüsseln, die weggeworfen wurden und nie über die Leitung gingen. Die Aufzeichnung bleibt Geheimtext: Das ist Forward Secrecy (Vorwärtsgeheimhaltung).

step-hello_retry_request = HelloRetryRequest: Der Server fragt noch einmal
step-hello_retry_request-explain = Der Server hat im ClientHello keinen Schlüsselanteil gefunden, den er verwenden kann. Statt aufzugeben, antwortet er mit einem HelloRetryRequest: einem ServerHello mit einer festen, besonderen Zufallszahl, das die gewünschte Gruppe nennt (selected_group, hier secp256r1). Noch ist nichts verschlüsselt und kein Schlüssel vereinbart: Der Browser muss noch einmal Hallo sagen.
step-hrr-client_hello = ClientHello: diesmal ohne Schlüsselanteil
step-hrr-client_hello-explain = Der Browser sagt wie gewohnt Hallo (Zufallszahl, Versionen, Cipher Suites, server_name, unterstützte Gruppen), aber seine key_share-Liste ist leer: Er bietet secp256r1 an, schickt aber keinen öffentlichen Schlüssel dafür mit. Daraus kann der Server kein gemeinsames Geheimnis berechnen.
step-hrr-client_hello_2 = Noch einmal ClientHello, jetzt mit Schlüsselanteil
step-hrr-client_hello_2-explain = Der Browser schickt dasselbe ClientHello noch einmal: dieselbe Zufallszahl, dieselben Angebote und jetzt einen öffentlichen Schlüsselanteil für die Gruppe, nach der der Server gefragt hat. Der Server prüft, dass sich sonst nichts geändert hat. Beide Seiten ersetzen das erste ClientHello im Transkript durch seinen Hash (message_hash), damit die Finished-MACs es trotzdem abdecken.

## Decryption attempts (app3: key-compromise view)
attempt-heading = Der Versuch des Angreifers mit dem gestohlenen Schlüssel
attempt-target = Ziel: { $target }
attempt-stolen-key = Gestohlener Schlüssel: { $key }
attempt-stages = Was der Angreifer getan hat
attempt-result-yes = Ergebnis: ENTSCHLÜSSELT, die aufgezeichnete Anmeldung ist lesbar
attempt-result-no = Ergebnis: NICHT entschlüsselt, die Aufzeichnung bleibt Geheimtext
attempt-missing = Was ihm fehlte: { $missing }
attempt-plaintexts = Was er gelesen hat
attempt-none-yet = Der Angreifer hat den gestohlenen Schlüssel noch nicht ausprobiert: Geh bis zum letzten Schritt.

## Wire editor (app3: issue 6 item 2)
editor-open = Diesen Record auf der Leitung bearbeiten
editor-open-hint = Halte diesen Record zwischen Sender und Empfänger an, ändere beliebige Bytes darin und stelle ihn zu
editor-heading = Leitungs-Editor: Du bist der Angreifer auf der Leitung
editor-explain = Der Record ist zwischen Sender und Empfänger angehalten. Ändere beliebige Bytes (je zwei Hexziffern; Leerzeichen und Zeilenumbrüche sind egal). Stelle ihn dann zu und schau, was der Empfänger tut.
editor-field = Bytes zum Zustellen (hex, { $len } Bytes)
editor-unchanged = Noch kein Byte geändert: Beim Zustellen geht der Record unverändert weiter.
editor-changed = { $n } Byte(s) geändert.
editor-error-not-hex = Zeichen { $pos } („{ $char }“) ist keine Hexziffer: Verwende 0-9 und a-f.
editor-error-odd = Eine ungerade Zahl von Hexziffern: Jedes Byte braucht zwei.
editor-error-length = Der Record hat { $want } Bytes, eingegeben wurden aber { $got }: Ändere Bytes, aber füge keine hinzu und entferne keine.
editor-deliver = Zustellen
editor-reset = Zurück zu den gesendeten Bytes
editor-as-delivered = Wie beim letzten Mal zugestellt
editor-cancel = Abbrechen
editor-undo-all = Alle Änderungen auf der Leitung rückgängig machen
editor-pending = Du bearbeitest gerade Record { $record } (in diesem Schritt nicht zu sehen).
editor-pending-go = Dorthin gehen
editor-result-heading = Was deine Änderungen auf der Leitung bewirkt haben
editor-result-record = Record { $record }, Byte: neuer Wert: { $bytes }
editor-result-check = Prüfung durch den { $side } NICHT BESTANDEN: { $check } ({ $detail })
editor-result-failure = Der { $side } hat ihn bei { $step } abgelehnt: { $reason }
editor-result-accepted = Niemand hat die Änderung bemerkt: Der Empfänger beachtet diese Bytes nicht (oder kann bei einfachem HTTP gar nichts prüfen).
editor-result-alert = Alert gesendet: { $alert } (Code { $code }) vom { $side }, Record { $record }
editor-result-alert-inner = Entschlüsselter innerer Klartext des Alerts (Level, Beschreibung, Content Type 21)
editor-go-alert = Den Alert-Record zeigen

## Key exchange from both sides, derivation details (app3)
kx-heading = Schlüsselaustausch: beide Seiten
kx-explain = Jede Seite verknüpft ihren eigenen privaten Schlüssel (nie gesendet) mit dem öffentlichen Schlüssel der anderen Seite (im Klartext gesendet). Beide Ergebnisse sind dieselben Bytes: Das ist das gemeinsame Geheimnis. Der Lauscher hat beide öffentlichen Schlüssel, aber keinen der privaten.
kx-side = Der { $side } (mit dem { $peer })
kx-own-private = sein eigener privater Schlüssel (geheim, nie auf der Leitung)
kx-peer-public = der öffentliche Schlüssel vom { $peer } (von der Leitung)
kx-result = ergibt mit { $function }:
kx-waiting = Der { $side } hat seine Seite noch nicht berechnet.
kx-unseen = Der { $side } ist ein echtes Programm; sein privater Schlüssel verlässt ihn nie, daher sieht das Labor nur seinen öffentlichen Schlüssel. Er berechnet auf seiner Seite dasselbe Geheimnis.
kx-match = Identisch: Alle { $n } Bytes stimmen überein. Beide Seiten haben jetzt dasselbe Geheimnis.
kx-mismatch = Verschieden: Nur { $same } von { $n } Bytes stimmen überein.
keys-label-prf = Label (für die PRF)
keys-derive-secret-is = Derive-Secret(Secret, Label, Nachrichten) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Nachrichten), Hash.length)
keys-hkdf-length = Länge: { $n } Bytes (2 Bytes: { $hex })
keys-hkdf-label-part = Label: "{ $label }" (1 Längenbyte, dann { $n } Bytes Text: { $hex })
keys-hkdf-context-part = Kontext: { $n } Bytes (1 Längenbyte, dann der Kontext)

## Screenshot and zoom (app3)
shot-button = Bildschirmfoto (F12)
shot-hint = Das Fenster als PNG in { $folder } speichern
shot-saved = Bildschirmfoto gespeichert: { $path }
shot-failed = Das Bildschirmfoto ließ sich nicht in { $folder } speichern: { $reason }. Das Bild bleibt erhalten: Mach den Ordner beschreibbar (oder setze { $env } auf einen anderen Ordner und starte neu) und versuch es dann noch einmal.
shot-retry = Noch einmal versuchen
shot-dismiss = Ausblenden
zoom-level = Vergrößerung { $percent } % (Ctrl +, Ctrl -, Ctrl 0)

## Die Live-Quelle: echte Browser melden sich bei der Bank des Labors an
live-button = Live
live-button-hint = Mit dem Browser des Labors einen echten Server besuchen, oder echte Browser auf diesem Rechner bei der Bank des Labors anmelden lassen; beide Handshakes lassen sich Schritt für Schritt ansehen
live-heading = Echte Browser besuchen die Bank des Labors
live-intro = Die Bank des Labors wartet auf diesem Rechner auf Verbindungen. Melde dich mit deinem eigenen Browser, mit curl oder einem anderen TLS-Client an und wähle dann die Verbindung, um sie Schritt für Schritt anzusehen. Der Server kennt jeden Schlüssel der Sitzung.
live-port = Port
live-start = Zuhören starten
live-stop = Zuhören beenden
live-error = Konnte nicht starten: { $reason }
live-listening = Erreichbar unter
live-ca = Das Wurzelzertifikat des Labors: { $path }
live-trust-browser = Browser: als Zertifizierungsstelle importieren, oder die Adresse öffnen und die Warnung bestätigen (auch diese Warnung gehört zur Lektion).
live-trust-curl = curl:
live-recorded-in = Jede Verbindung wird außerdem in { $folder } gespeichert
live-none-yet = Noch keine Verbindung.
live-open = noch offen
live-connections = Verbindungen ({ $n }), die neueste zuerst
live-client-unknown = unbekannter Client
live-connection = { $number }  { $time }  { $client } ({ $address }): { $outcome }
scenario-name-live = Live: eine echte Verbindung
scenario-explain-live = Eine echte Sitzung: die eines echten Browsers oder Werkzeugs mit der Bank des Labors (aufgezeichnet vom Live-Server) oder die des Browsers des Labors mit einem echten Server.
step-live-client_change_cipher_spec = ChangeCipherSpec: ein Überbleibsel für alte Middleboxen
step-live-client_change_cipher_spec-explain = Ein Ein-Byte-Record, den TLS 1.3 ignoriert. Browser schicken ihn, damit alte Netzwerkgeräte, die TLS 1.2 erwarten, die Verbindung durchlassen (RFC 8446, Anhang D.4).
eaves-live-heading = Das Hello dieses Clients, wie es jeder auf der Leitung liest
eaves-live-ja4 = Sein JA4-Fingerabdruck (gleich für jede Verbindung desselben Programms in derselben Version):
eaves-live-offered = der Client bot an
eaves-live-chosen = der Server wählte
eaves-live-versions = Versionen
eaves-live-suites = Cipher Suites
eaves-live-shares = Schlüsselanteile
eaves-live-groups = Gruppen
eaves-live-schemes = Signaturen
eaves-live-alpn = ALPN

## Visiting a real server: the lab's browser connects (the live panel's upper half)
visit-heading = Einen echten Server besuchen
visit-intro = Der Browser des Labors besucht eine HTTPS-Adresse, die du eingibst, und zeichnet die ganze Sitzung auf: jeden Record, jeden abgeleiteten Schlüssel, die geprüfte Zertifikatskette. Danach lässt sie sich Schritt für Schritt ansehen wie die Bank des Labors.
visit-address = Adresse
visit-address-hint = https://example.com/
visit-ca-file = Vertrauenswürdige CA-Datei (PEM)
visit-ca-file-hint = leer: der Zertifikatsspeicher dieses Rechners
visit-button = Besuchen
visit-running = Besuche { $address } …
visit-recent = Besuche ({ $n }), der neueste zuerst
visit-entry = { $number }  { $time }  { $address } ({ $peer }): { $outcome }
visit-error-url = { $address } ist keine Adresse, die der Browser besuchen kann: { $reason }
visit-error-ca = Die CA-Datei { $file } ist nicht verwendbar: { $reason }
visit-error-randomness = Dieser Rechner lieferte keinen Zufall für die Schlüssel der Sitzung: { $reason }
visit-error-resolve = Der Name { $host } wurde nicht gefunden: { $reason }
visit-error-connect = Keine Verbindung zu { $host } Port { $port }: { $reason }
visit-error-timeout = { $address } hat nicht rechtzeitig geantwortet: nach { $seconds } s aufgegeben beim { $stage }
visit-error-broken = Die Verbindung zu { $address } brach ab beim { $stage }: { $reason }
visit-error-thread = Der Besuch konnte nicht starten: { $reason }
visit-error-stopped = Der Besuch endete ohne Antwort.
visit-stage-resolving = Nachschlagen des Namens
visit-stage-connecting = Verbinden
visit-stage-writing = Senden
visit-stage-reading = Warten auf den Server
visit-negotiation-heading = Was der Browser des Labors anbot und was { $host } wählte
visit-nothing-chosen = Der Server hat nichts gewählt: Er schickte kein ServerHello.
visit-offered = angeboten:
visit-chosen = gewählt:
visit-chosen-none = noch nichts
visit-suites = Cipher-Suite
visit-groups = Gruppe für den Schlüsselaustausch
visit-shares = Mitgeschickte Key-Shares, und ob der Server noch einmal fragte
visit-retry-yes = HelloRetryRequest: keiner passte, er wollte { $group }
visit-retry-no = kein HelloRetryRequest: einer davon passte
visit-schemes = Signaturverfahren
step-server_new_session_ticket = NewSessionTicket: ein Ticket fürs nächste Mal
step-server_new_session_ticket-explain = Nach dem Handshake gibt der Server dem Browser ein Ticket, verschlüsselt mit den Anwendungsschlüsseln. Bei einem späteren Besuch vorgezeigt, könnten beide den größten Teil des Handshakes überspringen (Wiederaufnahme). Der Browser des Labors behält keine Tickets: Er zeigt dieses und verwendet es nicht.
cert-chain-intro = Jedes Zertifikat, das der Server schickte, zuerst das der Website, dann die Wurzel, der der Browser schon vertraute und bei der sein Pfad endete.
cert-chain-leaf = { $n } von { $total } gesendet: das Zertifikat der Website
cert-chain-intermediate = { $n } von { $total } gesendet: eine Zwischen-CA
cert-chain-anchor = Vertrauensanker: eine Wurzel im Browser
cert-chain-no-anchor = Kein Vertrauensanker: Kein Zertifikat, dem der Browser vertraut, hat diese Kette ausgestellt.
cert-chain-none-sent = Der Server hat kein Zertifikat geschickt.
cert-key = Öffentlicher Schlüssel
cert-signed-with = Vom Aussteller signiert mit
cert-extensions = Erweiterungen ({ $n })
cert-extensions-none = keine
cert-extension-critical = kritisch
visit-error-no-address = Zuerst eine Adresse eingeben, etwa https://localhost:8443/ für die Bank des Labors.
cert-extension-critical-hint = Ein Browser, der eine kritische Erweiterung nicht versteht, muss das Zertifikat ablehnen.
visit-error-not-https = { $address } ist kein HTTPS: Der Browser des Labors besucht nur https://-Adressen.
visit-error-session = Die aufgezeichnete Sitzung lässt sich nicht anzeigen: { $reason }
