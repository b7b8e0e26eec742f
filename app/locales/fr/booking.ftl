# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = Prendre rendez-vous
booking-lead = La première étape est un entretien avec le Secrétariat social. Il est gratuit et dure environ une demi-heure. Choisissez le bureau, le jour et l’heure qui vous conviennent.
booking-steps-label = Étapes de la réservation
booking-step = Étape
booking-step-done = (terminée)
booking-step-office = Bureau
booking-step-topic = Sujet
booking-step-time = Jour et heure
booking-step-details = Vos informations
booking-step-summary = Récapitulatif
booking-change-office = Changer de bureau
booking-change-topic = Changer de sujet
booking-change-time = Changer le jour ou l’heure
booking-when = { $date }, de { $starts } à { $ends }
booking-time-range = de { $starts } à { $ends }
booking-next = Suivant
booking-office-title = Rendez-vous : choisissez le bureau
booking-office-question = Où voulez-vous avoir l’entretien ?
booking-topic-title = Rendez-vous : choisissez le sujet
booking-topic-question = De quoi voulez-vous parler ?
booking-topic-hint = Cela sert seulement à préparer l’entretien. Si vous ne savez pas quoi choisir, la dernière réponse convient.
booking-day-title = Rendez-vous : choisissez le jour
booking-time-title = Rendez-vous : choisissez l’heure
booking-free-times-of = Créneaux libres le { $date }
booking-seats = { $n ->
    [one] { $n } place libre
   *[other] { $n } places libres
}
booking-other-day = Choisir un autre jour
booking-slot-gone = Le créneau que vous aviez choisi n’est plus disponible. Choisissez-en un autre.
booking-day-full = Il n’y a plus de place libre le jour que vous aviez choisi. Choisissez un autre jour.

calendar-choose-day = Choisissez le jour
calendar-help = Vous pouvez cliquer sur les jours qui ont au moins un créneau libre.
calendar-days-of = Jours du mois : { $month }
calendar-free-times = { $n ->
    [one] { $n } créneau libre
   *[other] { $n } créneaux libres
}
calendar-no-free-time = aucun créneau libre
calendar-month-full = Il n’y a plus de créneau libre ce mois-ci. Regardez le mois suivant ou appelez le Secrétariat social.

details-title = Rendez-vous : vos informations
details-title-error = Erreur : rendez-vous, vos informations
details-heading = Vos informations
details-lead = Nous demandons seulement ce qui est utile pour l’entretien.
details-given-name = Prénom
details-family-name = Nom
details-email = E-mail
details-email-hint = Nous vous envoyons la confirmation à cette adresse. Si vous n’avez pas d’e-mail, indiquez au moins votre téléphone.
details-phone = Téléphone
details-cf = Code fiscal (codice fiscale)
details-cf-hint = Ce n’est pas obligatoire. Cela aide le bureau à retrouver un dossier que vous avez déjà.
details-language = Dans quelle langue préférez-vous parler ?
details-interpreter = J’ai besoin d’un interprète ou d’un médiateur culturel
details-accessibility = Besoins d’accessibilité
details-accessibility-hint = Par exemple : je viens en fauteuil roulant, j’ai besoin d’un interprète en langue des signes.
details-about = De quoi voulez-vous parler
details-about-hint = 200 caractères au maximum. N’écrivez rien sur votre santé ni sur des faits personnels délicats : vous en parlerez en personne pendant l’entretien.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = J’ai lu la 
details-privacy-link = notice d’information sur les données personnelles
details-privacy-after =  : mes données servent seulement pour ce rendez-vous.
details-continue = Continuer
details-need-contact = Indiquez une adresse e-mail ou un numéro de téléphone : nous en avons besoin pour confirmer le rendez-vous.
details-choose-language = Choisissez une langue dans la liste.
details-accessibility-too-long = Le texte sur les besoins d’accessibilité est trop long : { $max } caractères au maximum, vous en avez écrit { $length }.
details-about-too-long = Le texte sur le sujet de l’entretien est trop long : { $max } caractères au maximum, vous en avez écrit { $length }.
details-privacy-needed = Pour prendre rendez-vous, confirmez que vous avez lu la notice d’information sur les données personnelles.

# The languages of the interview, as "In che lingua preferisci parlare?" lists them.
interview-language-it = Italien
interview-language-en = Anglais
interview-language-fr = Français
interview-language-es = Espagnol
interview-language-ar = Arabe
interview-language-zh = Chinois
interview-language-ro = Roumain
interview-language-sq = Albanais
interview-language-uk = Ukrainien
interview-language-altra = Une autre langue

summary-crumb = Récapitulatif
summary-heading = Vérifiez et confirmez
summary-title = Rendez-vous : récapitulatif
summary-taken-title = Erreur : la place choisie n’est plus libre
summary-name = Prénom et nom
summary-email-none = non indiqué
summary-phone-none = non indiqué
summary-language = Langue
summary-interpreter = Interprète
summary-interpreter-yes = oui, j’ai besoin d’un interprète ou d’un médiateur
summary-accessibility = Accessibilité
summary-check = Vérifiez vos informations. Si quelque chose ne va pas, revenez en arrière avec le bouton du navigateur et corrigez.
summary-confirm = Confirmer la réservation
summary-gone-heading = La place n’est plus disponible
summary-no-alternatives = Il n’y a pas d’autre créneau libre proche de celui que vous aviez choisi. Appelez le Secrétariat social ({ $phone }) ou choisissez un autre jour.
summary-alternatives = Les créneaux libres les plus proches de celui que vous aviez choisi :
summary-choose-this = Choisir ce créneau
summary-already-title = Réservation déjà confirmée
summary-already = Cette réservation est déjà confirmée avec le code { $code }.
summary-see-confirmation = Voir la confirmation
draft-gone-title = Réservation expirée
draft-gone = La réservation que vous aviez commencée a expiré ou n’existe plus. Aucun rendez-vous n’a été enregistré.
draft-restart = Recommencer la réservation

confirmed-title = Réservation confirmée
confirmed-not-found = Réservation introuvable
confirmed-code-intro = Votre rendez-vous est enregistré. Le code de la réservation est :
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = Code { $spelled }
confirmed-email = Si vous avez indiqué une adresse e-mail, nous vous avons envoyé la confirmation avec le lien pour annuler ou déplacer le rendez-vous. Notez quand même le code : il vous servira si vous devez appeler le bureau.
add-to-calendar = Ajouter à l’agenda
confirmed-next = Et maintenant ?
confirmed-bring-id = Apportez une pièce d’identité. L’entretien est gratuit.
confirmed-cannot-come = Si vous ne pouvez pas venir, annulez ou déplacez le rendez-vous avec le lien de l’e-mail, ou prévenez le bureau au { $phone }.
confirmed-lost-email = Vous avez perdu l’e-mail ?
ask-new-link = Demander un nouveau lien
back-home = Retour à l’accueil

manage-heading = Votre rendez-vous
manage-bad-link-title = Lien non valide
manage-bad-link = Le lien n’est pas valide ou ne fonctionne plus. Si vous en avez demandé un nouveau, utilisez celui du dernier e-mail.
manage-cancelled-said = Rendez-vous annulé. Si vous avez un e-mail, nous vous avons envoyé la confirmation.
manage-moved-said = Rendez-vous déplacé. Si vous avez un e-mail, nous vous avons envoyé la confirmation.
manage-cancelled-title = Rendez-vous annulé
manage-is-cancelled = Ce rendez-vous est annulé.
book-new = Prendre un nouveau rendez-vous
manage-too-late = Votre rendez-vous a lieu dans moins de { $hours } heures : pour l’annuler ou le déplacer, appelez le { $phone }.
manage-code = Code
manage-when = Quand
manage-where = Où
manage-name = Au nom de
manage-move = Déplacer le rendez-vous
manage-keep = Garder le rendez-vous tel quel
manage-cancel = Annuler le rendez-vous
manage-day-full = Il n’y a plus de créneau libre ce jour-là.
manage-move-here = Choisir ce nouveau créneau

new-link-title = Vous avez perdu le lien ?
new-link-lead = Écrivez le code de la réservation et l’e-mail ou le téléphone que vous avez donné en réservant. Nous vous enverrons par e-mail un nouveau lien pour voir, déplacer ou annuler le rendez-vous.
new-link-sent = Si le code et l’e-mail ou le téléphone correspondent à un rendez-vous prévu, nous vous avons envoyé un e-mail avec le nouveau lien. L’ancien lien ne fonctionne plus.
new-link-code = Code de la réservation
new-link-code-hint = 8 caractères, par exemple K7MP3XQ9.
new-link-contact = E-mail ou téléphone
new-link-send = M’envoyer un nouveau lien

# What a form says when the booking cannot go on.
error-slot-taken = La place que vous aviez choisie n’est plus disponible : quelqu’un l’a réservée avant vous. Choisissez un des créneaux libres ci-dessous. Vos informations restent enregistrées.
error-draft-expired = La réservation que vous aviez commencée a expiré ou n’existe pas. Recommencez en choisissant le bureau : cela prend une minute.
error-choose-listed = Choisissez un des créneaux libres de la liste.
error-just-taken = Quelqu’un d’autre vient de réserver ce créneau. Choisissez-en un autre.
error-booking-failed = Nous n’avons pas pu enregistrer la réservation. Réessayez dans un moment.
error-too-late-cancel = Votre rendez-vous a lieu dans moins de { $hours } heures : vous ne pouvez plus l’annuler en ligne. Appelez le { $phone }.
error-too-late-move = Votre rendez-vous a lieu dans moins de { $hours } heures : vous ne pouvez plus le déplacer en ligne. Appelez le { $phone }.
error-link-gone = Le lien n’est pas valide ou a expiré. Si vous avez perdu le lien, demandez-en un nouveau.
error-code-shape = Écrivez le code de la réservation : 8 caractères, lettres et chiffres.
error-contact-missing = Écrivez l’e-mail ou le numéro de téléphone que vous avez donné en réservant.
error-too-many = Il y a déjà { $max } rendez-vous prévus avec cette adresse e-mail ou ce numéro de téléphone. Pour en prendre un autre, annulez d’abord l’un d’eux, ou appelez le Secrétariat social ({ $phone }).
