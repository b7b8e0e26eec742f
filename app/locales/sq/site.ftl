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
