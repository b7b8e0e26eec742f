# "Pedir ayuda" (Richiedi assistenza), its answer, and the page for an address that leads nowhere.

assistance-title = Pedir ayuda
assistance-title-error = Error: pedir ayuda
assistance-lead = ¿No encuentras una información o tienes un problema con la página web? Escríbenos: te respondemos por correo electrónico, normalmente en dos días laborables.
assistance-not-emergency = Este formulario no sirve para las emergencias.
assistance-call-112 = Si hay un peligro para ti o para un niño, llama ahora mismo al 112.
assistance-email-hint = Te responderemos a esta dirección.
assistance-topic = Tema
assistance-message = Mensaje
assistance-message-hint = Como máximo 1000 caracteres. No escribas datos de salud ni asuntos personales delicados: hablarás de ellos en persona con la trabajadora social.
assistance-privacy = He leído el aviso de privacidad: los datos de este formulario se usan solo para responder a la solicitud.
assistance-send = Enviar la solicitud
assistance-topic-servizi = Información sobre los servicios
assistance-topic-appuntamento = Citas con la Secretaría Social
assistance-topic-sito = Problemas al usar la página web
assistance-topic-disservizio = Informar de un problema con un servicio
assistance-topic-altro = Otro
assistance-choose-topic = Elige el tema de la solicitud.
assistance-write-message = Escribe el mensaje.
assistance-message-too-long = El mensaje es demasiado largo: como máximo { $max } caracteres, has escrito { $length }.
assistance-privacy-needed = Para enviar la solicitud, confirma que has leído el aviso de privacidad.
assistance-sent-title = Solicitud enviada
assistance-sent = Hemos recibido tu mensaje. Te responderemos a la dirección de correo electrónico que nos diste.
assistance-sent-book = Si necesitas hablar con una trabajadora social, también puedes pedir una cita con la Secretaría Social.

not-found-title = Página no encontrada
not-found = La dirección que has abierto no corresponde a ninguna página. Quizás está mal escrita o la página se ha movido.
not-found-home = Ir a la página de inicio
not-found-write = Escríbenos si no encuentras lo que buscas
