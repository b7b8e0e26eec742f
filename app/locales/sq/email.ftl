# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = Më poshtë gjen të njëjtin mesazh në italisht.
email-greeting = Përshëndetje { $name },
email-when = Kur: { $when }
email-new-day = Dita dhe ora e re: { $when }
email-where = Ku: { $place }
email-code = Kodi i rezervimit: { $code }
email-bring-id = Merr me vete një dokument identiteti.
email-bring-id-free = Merr me vete një dokument identiteti. Takimi është falas.
email-or-call = ose telefono në { $phone }.

email-confirmation-subject = Takimi yt me Sekretariatin Social
email-confirmation-intro = Të konfirmojmë takimin tënd me Sekretariatin Social (Segretariato Sociale).
email-private-link = Për ta parë, zhvendosur ose anuluar takimin, përdor këtë lidhje personale (mos ua dërgo të tjerëve):
email-call-if-not-coming = Nëse nuk mund të vish, na njofto duke telefonuar në numrin { $phone }.
email-not-emergency = Rezervimi nuk është mënyrë për të marrë ndihmë në urgjencë: nëse ka rrezik, telefono 112.

email-reminder-subject = Kujtesë: takimi yt me Sekretariatin Social
email-reminder-intro = Të kujtojmë takimin tënd me Sekretariatin Social.
email-reminder-change = Nëse nuk mund të vish, anuloje ose zhvendose takimin me lidhjen tënde personale:

email-cancelled-subject = Takimi me Sekretariatin Social u anulua
email-cancelled-intro = E kemi anuluar takimin tënd me Sekretariatin Social: { $date }, ora { $time }.
email-book-again = Nëse do, mund të rezervosh një takim të ri në faqen e internetit.

email-moved-subject = Takimi me Sekretariatin Social u zhvendos
email-moved-intro = Takimi yt me Sekretariatin Social u zhvendos.
email-desk-moved-intro = Siç ke rënë dakord me zyrën, takimi yt me Sekretariatin Social u zhvendos.
email-desk-moved-link = Për ta anuluar ose zhvendosur përsëri, përdor këtë lidhje personale të re (lidhja e mëparshme nuk funksionon më):

email-new-link-subject = Lidhja e re për takimin tënd me Sekretariatin Social
email-new-link-intro = Ja lidhja jote personale e re për takimin tënd: { $date }, ora { $time }, kodi { $code }. Përdore për ta parë, zhvendosur ose anuluar takimin:
email-new-link-old = Lidhja e mëparshme nuk funksionon më. Nëse nuk e ke kërkuar ti, mund ta shpërfillësh këtë email.

email-office-cancelled-subject = Sekretariati Social e anuloi takimin tënd
# The office's reason ($why) is written by staff in Italian: only the Italian text says it, so it is left out here.
email-office-cancelled-intro = Na vjen keq, por na u desh ta anulojmë takimin tënd me Sekretariatin Social: { $date }, ora { $time } ({ $office }).
email-office-cancelled-rebook = Mund të rezervosh një takim të ri këtu:

calendar-summary = Takim me Sekretariatin Social
calendar-description = Kodi i rezervimit: { $code }. Merr me vete një dokument identiteti.
