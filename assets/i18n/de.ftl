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
inspector-field-bytes = Bytes { $start }..{ $end } ({ $len } Bytes)
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

## Certificate
cert-heading = Die Zertifikatskette des Servers
cert-not-yet = Der Server hat sein Zertifikat noch nicht gesendet.
cert-root = Root-CA (der Browser vertraut ihr)
cert-server = Server-Zertifikat
cert-subject = Inhaber (Subject)
cert-issuer = Aussteller (Issuer)
cert-serial = Seriennummer
cert-san = Namen (SAN)
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
