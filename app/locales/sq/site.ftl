skip-to-content = Kalo te përmbajtja kryesore
site-tagline = Shërbime sociale për familjet me fëmijë të mitur
nav-label = Menyja kryesore
nav-home = Faqja kryesore
nav-services = Shërbimet
nav-topics = Temat
nav-assistance = Kërko ndihmë
language-switcher = Gjuha
language-offer = Kjo faqe është edhe në shqip.
language-offer-link = Lexoje në shqip

emergency-label = Numrat e urgjencës
emergency-danger = Nëse ka rrezik të menjëhershëm, telefono
emergency-children = Për fëmijët dhe të rinjtë në vështirësi:
emergency-children-line = 114 Urgjenca për fëmijët
emergency-violence = Kundër dhunës dhe përndjekjes:
full-stop = .
emergency-not-a-channel = Rezervimi i një takimi nuk është mënyrë për të marrë ndihmë në urgjencë.

footer-tagline = Sporteli i shërbimeve sociale për familjet
footer-about = Sportello është hyrja në internet te Sekretariati Social (Segretariato Sociale). Të dhënat që shkruan përdoren vetëm për t'iu përgjigjur kërkesave të tua.
footer-contacts = Kontaktet
footer-report = Njofto një problem
footer-privacy = Njoftimi për privatësinë
footer-accessibility = Deklarata e aksesueshmërisë
footer-legal = Shënime ligjore
footer-faq = Pyetje të shpeshta
breadcrumb-label = Je këtu
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = Faqja ose elementi që kërkon nuk ekziston më ose nuk ka ekzistuar kurrë.
error-forbidden = Nuk ke leje për këtë veprim.
error-unavailable = Shërbimi nuk është i arritshëm tani. Provo përsëri pas disa minutash; nëse problemi vazhdon, jepi zyrës këtë kod: { $code }.
error-internal = Një problem teknik e ndaloi kërkesën tënde. Provo përsëri më vonë; nëse problemi vazhdon, jepi zyrës këtë kod: { $code }.
error-form-incomplete = Formulari mbërriti i paplotë. Kontrollo të dhënat dhe dërgoje përsëri.
