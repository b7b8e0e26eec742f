skip-to-content = Aller au contenu principal
site-tagline = Services sociaux pour les familles avec enfants
nav-label = Menu principal
nav-home = Accueil
nav-services = Services
nav-topics = Thèmes
nav-assistance = Demander de l'aide
language-switcher = Langue
language-offer = Cette page existe aussi en français.
language-offer-link = La lire en français

emergency-label = Numéros d'urgence
emergency-danger = En cas de danger immédiat, appelez le
emergency-children = Pour les enfants et les jeunes en difficulté :
emergency-children-line = 114 Urgence Enfance
emergency-violence = Contre la violence et le harcèlement :
full-stop = .
emergency-not-a-channel = Prendre rendez-vous ne permet pas d'obtenir de l'aide en urgence.

footer-tagline = Le guichet des services sociaux pour les familles
footer-about = Sportello est l'accès en ligne au Secrétariat social (Segretariato Sociale). Vos données servent seulement à répondre à vos demandes.
footer-contacts = Contacts
footer-report = Signaler un problème
footer-privacy = Protection des données
footer-accessibility = Déclaration d'accessibilité
footer-legal = Mentions légales
footer-faq = Questions fréquentes
breadcrumb-label = Vous êtes ici
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = La page ou l’élément que vous cherchez n’existe plus ou n’a jamais existé.
error-forbidden = Vous n’avez pas l’autorisation de faire cette opération.
error-unavailable = Le service n’est pas joignable pour le moment. Réessayez dans quelques minutes ; si le problème continue, donnez ce code au bureau : { $code }.
error-internal = Un problème technique a empêché votre demande d’aboutir. Réessayez plus tard ; si le problème continue, donnez ce code au bureau : { $code }.
error-form-incomplete = Le formulaire est arrivé incomplet. Vérifiez vos données et envoyez-le à nouveau.
