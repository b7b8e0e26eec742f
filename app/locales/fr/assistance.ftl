# "Ask for help", its answer, and the page for an address that leads nowhere.

assistance-title = Demander de l’aide
assistance-title-error = Erreur : demander de l’aide
assistance-lead = Vous ne trouvez pas une information ou vous avez un problème avec le site ? Écrivez-nous : nous vous répondons par e-mail, en général sous deux jours ouvrables.
assistance-not-emergency = Ce formulaire n’est pas fait pour les urgences.
assistance-call-112 = Si vous ou un enfant êtes en danger, appelez tout de suite le 112.
assistance-email-hint = Nous vous répondrons à cette adresse.
assistance-topic = Sujet
assistance-message = Message
assistance-message-hint = 1000 caractères au maximum. N’écrivez rien sur votre santé ni sur des faits personnels délicats : vous en parlerez en personne avec l’assistante sociale.
assistance-privacy = J’ai lu la notice d’information sur les données personnelles : les données de ce formulaire servent seulement à répondre à ma demande.
assistance-send = Envoyer la demande
assistance-topic-servizi = Informations sur les services
assistance-topic-appuntamento = Rendez-vous avec le Secrétariat social
assistance-topic-sito = Problèmes pour utiliser le site
assistance-topic-disservizio = Signaler un problème avec le service
assistance-topic-altro = Autre chose
assistance-choose-topic = Choisissez le sujet de votre demande.
assistance-write-message = Écrivez votre message.
assistance-message-too-long = Le message est trop long : { $max } caractères au maximum, vous en avez écrit { $length }.
assistance-privacy-needed = Pour envoyer la demande, confirmez que vous avez lu la notice d’information sur les données personnelles.
assistance-sent-title = Demande envoyée
assistance-sent = Nous avons bien reçu votre message. Nous vous répondrons à l’adresse e-mail que vous avez indiquée.
assistance-sent-book = Si vous devez parler avec une assistante sociale, vous pouvez aussi prendre rendez-vous pour un entretien avec le Secrétariat social.

not-found-title = Page introuvable
not-found = L’adresse que vous avez ouverte ne correspond à aucune page. Elle est peut-être mal écrite, ou la page a été déplacée.
not-found-home = Aller à la page d’accueil
not-found-write = Écrivez-nous si vous ne trouvez pas ce que vous cherchez
