# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = Ouvert maintenant, jusqu’à { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = Fermé aujourd’hui ({ $reason }).
opening-closed-now = Fermé maintenant.
opening-reopens = Rouvre { $when } à { $time }
opening-none-soon = Aucune ouverture prévue dans les trois prochains mois
opening-today = aujourd’hui
opening-tomorrow = demain
# Days with the same hours: "Du lundi au jeudi", "Lundi et mardi".
hours-days-range = Du { $first } au { $last }
hours-days-two = { $first } et { $last }
hours-two-windows = { $first } et { $second }

contacts-title = Contacts
contacts-loading = Chargement des coordonnées…
contacts-lead = Le Secrétariat social reçoit seulement sur rendez-vous. Pour avoir un entretien, appelez aux horaires indiqués. Pour poser une question par écrit, utilisez le formulaire :
contacts-phone = Téléphone
contacts-offices = Bureaux
contacts-organisation = Organisme
contacts-switchboard = Standard :

topics-title = Thèmes
topics-lead = Les services classés par thème. Choisissez un thème pour voir les services qui le concernent.
topics-services = { $n ->
    [one] { $n } service
   *[other] { $n } services
}

services-title = Services
services-lead = Ici, vous trouvez tous les services pour les familles avec des enfants mineurs. Pour presque tous, la première étape est un entretien avec le Secrétariat social, sur rendez-vous.
services-loading = Chargement des services…
services-search-label = Rechercher parmi les services
services-search = Rechercher un service
services-search-hint = Par exemple : aide financière, famille d’accueil, école.
services-category = Catégorie
services-all-categories = Toutes les catégories
services-topic = Thème
services-all-topics = Tous les thèmes
services-search-button = Rechercher
services-show-all = Afficher tous les services
services-none-found = Aucun service ne correspond à votre recherche. Essayez avec d’autres mots ou enlevez un filtre.
services-found = { $n ->
    [one] { $n } service trouvé.
   *[other] { $n } services trouvés.
}
services-count = { $n ->
    [one] { $n } service.
   *[other] { $n } services.
}
service-active = Service actif
service-topics = Thèmes
service-index = Sur cette page
service-for-whom = Pour qui
service-how-to = Comment faire la demande
service-needed = Ce qu’il vous faut
service-obtained = Ce que vous obtenez
service-times = Délais et dates limites
service-conditions = Conditions du service
service-access = Accéder au service
service-book-meeting = Prendre rendez-vous pour un entretien avec le Secrétariat social
service-read-conditions = Lire les conditions du service : accès, coûts, droits et engagements
service-answers = Qui répond :
service-by-appointment = Accueil seulement sur rendez-vous :
updated-on = Dernière mise à jour : { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = Cette page n’est pas encore traduite en français : vous trouverez ci-dessous le texte en italien.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = Cette traduction n’est peut-être pas à jour : le texte italien a changé depuis.
read-in-italian = Lire cette page en italien
# How a service is reached, under "service-access".
service-access-appointment = Pour accéder à ce service, vous avez d’abord un entretien avec le Secrétariat social (Segretariato Sociale), sur rendez-vous.
service-access-appointment-or-court = Pour accéder à ce service, vous avez d’abord un entretien avec le Secrétariat social (Segretariato Sociale), sur rendez-vous. Le service peut aussi commencer à la demande d’un juge (Autorità Giudiziaria).
service-access-court = Ce service commence à la demande d’un juge (Autorità Giudiziaria) : c’est le service qui contacte la famille. Si vous avez des questions, vous pouvez demander un entretien avec le Secrétariat social (Segretariato Sociale).
