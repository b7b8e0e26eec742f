# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = Rezervo një takim
booking-lead = Hapi i parë është një takim me Sekretariatin Social (Segretariato Sociale): është falas dhe zgjat rreth gjysmë ore. Zgjidh zyrën, ditën dhe orën që të përshtaten më mirë.
booking-steps-label = Hapat e rezervimit
booking-step = Hapi
booking-step-done = (u bë)
booking-step-office = Zyra
booking-step-topic = Tema
booking-step-time = Dita dhe ora
booking-step-details = Të dhënat e tua
booking-step-summary = Përmbledhja
booking-change-office = Ndrysho zyrën
booking-change-topic = Ndrysho temën
booking-change-time = Ndrysho ditën ose orën
booking-when = { $date }, nga ora { $starts } deri në { $ends }
booking-time-range = nga ora { $starts } deri në { $ends }
booking-next = Përpara
booking-office-title = Rezervo: zgjidh zyrën
booking-office-question = Ku do ta bësh takimin?
booking-topic-title = Rezervo: zgjidh temën
booking-topic-question = Për çfarë do të flasësh?
booking-topic-hint = Na duhet vetëm për ta përgatitur takimin. Nëse nuk di çfarë të zgjedhësh, zgjidh të fundit në listë.
booking-day-title = Rezervo: zgjidh ditën
booking-time-title = Rezervo: zgjidh orën
booking-free-times-of = Oraret e lira për { $date }
booking-seats = { $n ->
    [one] 1 vend i lirë
   *[other] { $n } vende të lira
}
booking-other-day = Zgjidh një ditë tjetër
booking-slot-gone = Ora që kishe zgjedhur nuk është më e lirë. Zgjidh një tjetër.
booking-day-full = Dita që kishe zgjedhur nuk ka më vende të lira. Zgjidh një tjetër.

calendar-choose-day = Zgjidh ditën
calendar-help = Mund të klikosh ditët që kanë të paktën një orar të lirë.
calendar-days-of = Ditët në { $month }
calendar-free-times = { $n ->
    [one] 1 orar i lirë
   *[other] { $n } orare të lira
}
calendar-no-free-time = asnjë orar i lirë
calendar-month-full = Këtë muaj nuk ka më orare të lira. Shiko muajin tjetër ose telefono Sekretariatin Social.

details-title = Rezervo: të dhënat e tua
details-title-error = Gabim: rezervo, të dhënat e tua
details-heading = Të dhënat e tua
details-lead = Kërkojmë vetëm atë që na duhet për takimin.
details-given-name = Emri
details-family-name = Mbiemri
details-email = Email
details-email-hint = Konfirmimin ta dërgojmë këtu. Nëse nuk ke email, shkruaj të paktën numrin e telefonit.
details-phone = Telefoni
details-cf = Kodi fiskal (codice fiscale)
details-cf-hint = Nuk është i detyrueshëm. E ndihmon zyrën të gjejë një dosje që ke tashmë.
details-language = Në cilën gjuhë preferon të flasësh?
details-interpreter = Më duhet një përkthyes ose një ndërmjetës kulturor
details-accessibility = Nevoja për aksesueshmëri
details-accessibility-hint = Për shembull: vij me karrige me rrota, më duhet një përkthyes i gjuhës së shenjave.
details-about = Për çfarë do të flasësh
details-about-hint = Jo më shumë se 200 karaktere. Mos shkruaj të dhëna për shëndetin ose gjëra personale delikate: për to do të flasësh në takim, ballë për ballë.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = Kam lexuar 
details-privacy-link = njoftimin për përpunimin e të dhënave personale
details-privacy-after = : të dhënat e mia përdoren vetëm për këtë takim.
details-continue = Vazhdo
details-need-contact = Shkruaj një adresë email ose një numër telefoni: na duhen për të konfirmuar takimin.
details-choose-language = Zgjidh një gjuhë nga lista.
details-accessibility-too-long = Teksti për nevojat e aksesueshmërisë është shumë i gjatë: jo më shumë se { $max } karaktere, ke shkruar { $length }.
details-about-too-long = Teksti për atë që do të flasësh është shumë i gjatë: jo më shumë se { $max } karaktere, ke shkruar { $length }.
details-privacy-needed = Për të rezervuar, konfirmo që ke lexuar njoftimin për përpunimin e të dhënave.

# The languages of the interview, as "In che lingua preferisci parlare?" lists them.
interview-language-it = Italisht
interview-language-en = Anglisht
interview-language-fr = Frëngjisht
interview-language-es = Spanjisht
interview-language-ar = Arabisht
interview-language-zh = Kinezisht
interview-language-ro = Rumanisht
interview-language-sq = Shqip
interview-language-uk = Ukrainisht
interview-language-altra = Një gjuhë tjetër

summary-crumb = Përmbledhja
summary-heading = Kontrollo dhe konfirmo
summary-title = Rezervo: përmbledhja
summary-taken-title = Gabim: vendi që zgjodhe nuk është më i lirë
summary-name = Emri dhe mbiemri
summary-email-none = nuk është dhënë
summary-phone-none = nuk është dhënë
summary-language = Gjuha
summary-interpreter = Përkthyesi
summary-interpreter-yes = po, duhet një përkthyes ose një ndërmjetës
summary-accessibility = Aksesueshmëria
summary-check = Kontrollo të dhënat: nëse diçka nuk shkon, kthehu pas me butonin e shfletuesit dhe korrigjoje.
summary-confirm = Konfirmo rezervimin
summary-gone-heading = Vendi nuk është më i lirë
summary-no-alternatives = Nuk ka orare të tjera të lira afër atij që kishe zgjedhur. Telefono Sekretariatin Social ({ $phone }) ose zgjidh një ditë tjetër.
summary-alternatives = Oraret e lira më afër atij që kishe zgjedhur:
summary-choose-this = Zgjidh këtë orar
summary-already-title = Rezervimi është konfirmuar tashmë
summary-already = Ky rezervim është konfirmuar tashmë me kodin { $code }.
summary-see-confirmation = Shiko konfirmimin
draft-gone-title = Rezervimi ka skaduar
draft-gone = Rezervimi që po bëje ka skaduar ose nuk ekziston më. Nuk u regjistrua asnjë takim.
draft-restart = Fillo rezervimin nga e para

confirmed-title = Rezervimi u konfirmua
confirmed-not-found = Rezervimi nuk u gjet
confirmed-code-intro = Takimi yt u regjistrua. Kodi i rezervimit është:
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = Kodi { $spelled }
confirmed-email = Nëse ke dhënë një adresë email, të kemi dërguar konfirmimin me lidhjen për ta anuluar ose zhvendosur takimin. Gjithsesi, shënoje kodin: do të të duhet nëse telefonon zyrën.
add-to-calendar = Shtoje në kalendar
confirmed-next = Çfarë ndodh tani
confirmed-bring-id = Merr me vete një dokument identiteti. Takimi është falas.
confirmed-cannot-come = Nëse nuk mund të vish, anuloje ose zhvendose takimin me lidhjen në email, ose njofto zyrën në numrin { $phone }.
confirmed-lost-email = E ke humbur emailin?
ask-new-link = Kërko një lidhje të re
back-home = Kthehu te faqja kryesore

manage-heading = Takimi yt
manage-bad-link-title = Lidhja nuk është e vlefshme
manage-bad-link = Lidhja nuk është e vlefshme ose nuk funksionon më. Nëse ke kërkuar një të re, përdor atë që është në emailin e fundit.
manage-cancelled-said = Takimi u anulua. Nëse ke email, të kemi dërguar konfirmimin.
manage-moved-said = Takimi u zhvendos. Nëse ke email, të kemi dërguar konfirmimin.
manage-cancelled-title = Takimi u anulua
manage-is-cancelled = Ky takim është anuluar.
book-new = Rezervo një takim të ri
manage-too-late = Kanë mbetur më pak se { $hours } orë deri te takimi: për ta anuluar ose zhvendosur, telefono në { $phone }.
manage-code = Kodi
manage-when = Kur
manage-where = Ku
manage-name = Në emër të
manage-move = Zhvendos takimin
manage-keep = Lëre takimin siç është
manage-cancel = Anulo takimin
manage-day-full = Në këtë ditë nuk ka më orare të lira.
manage-move-here = Zhvendose në këtë orar

new-link-title = E ke humbur lidhjen?
new-link-lead = Shkruaj kodin e rezervimit dhe emailin ose telefonin që dhe kur rezervove. Do të të dërgojmë me email një lidhje të re për ta parë, zhvendosur ose anuluar takimin.
new-link-sent = Nëse kodi dhe emaili ose telefoni përputhen me një takim të planifikuar, të kemi dërguar një email me lidhjen e re. Lidhja e mëparshme nuk funksionon më.
new-link-code = Kodi i rezervimit
new-link-code-hint = 8 karaktere, për shembull K7MP3XQ9.
new-link-contact = Email ose telefon
new-link-send = Më dërgo një lidhje të re

# What a form says when the booking cannot go on.
error-slot-taken = Vendi që kishe zgjedhur nuk është më i lirë: dikush tjetër e rezervoi para teje. Zgjidh një nga oraret e lira më poshtë. Të dhënat që ke shkruar mbeten siç janë.
error-draft-expired = Rezervimi që po bëje ka skaduar ose nuk ekziston. Fillo nga e para duke zgjedhur zyrën: të duhet vetëm një minutë.
error-choose-listed = Zgjidh një nga oraret e lira në listë.
error-just-taken = Ky orar sapo u rezervua nga një person tjetër. Zgjidh një tjetër.
error-booking-failed = Nuk arritëm ta regjistrojmë rezervimin. Provo përsëri pas pak.
error-too-late-cancel = Kanë mbetur më pak se { $hours } orë deri te takimi: takimi nuk mund të anulohet më në internet. Telefono në { $phone }.
error-too-late-move = Kanë mbetur më pak se { $hours } orë deri te takimi: takimi nuk mund të zhvendoset më në internet. Telefono në { $phone }.
error-link-gone = Lidhja nuk është e vlefshme ose ka skaduar. Nëse e ke humbur lidhjen, kërko një të re.
error-code-shape = Shkruaj kodin e rezervimit: 8 karaktere, shkronja dhe numra.
error-contact-missing = Shkruaj emailin ose numrin e telefonit që dhe kur rezervove.
error-too-many = Me këtë adresë email ose numër telefoni ke arritur numrin maksimal të takimeve të planifikuara: { $max }. Për të rezervuar një takim tjetër, anulo më parë një prej tyre, ose telefono Sekretariatin Social ({ $phone }).
