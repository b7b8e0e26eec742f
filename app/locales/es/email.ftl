# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = Abajo encontrarás el mismo mensaje en italiano.
email-greeting = Hola, { $name }:
email-when = Cuándo: { $when }
email-new-day = Nueva fecha: { $when }
email-where = Dónde: { $place }
email-code = Código de la cita: { $code }
email-bring-id = Lleva contigo un documento de identidad.
email-bring-id-free = Lleva contigo un documento de identidad. La entrevista es gratuita.
email-or-call = o llama al { $phone }.

email-confirmation-subject = Tu cita en la Secretaría Social
email-confirmation-intro = Te confirmamos la cita en la Secretaría Social (Segretariato Sociale).
email-private-link = Para ver, cambiar o cancelar la cita, usa este enlace personal (no se lo envíes a nadie):
email-call-if-not-coming = Si no puedes venir, avísanos llamando al { $phone }.
email-not-emergency = Pedir una cita no sirve para recibir ayuda en una emergencia: si hay un peligro, llama al 112.

email-reminder-subject = Recordatorio: tu cita en la Secretaría Social
email-reminder-intro = Te recordamos tu cita en la Secretaría Social (Segretariato Sociale).
email-reminder-change = Si no puedes venir, cancela o cambia la cita con tu enlace personal:

email-cancelled-subject = Cita cancelada en la Secretaría Social
email-cancelled-intro = Hemos cancelado tu cita del { $date }, a las { $time }, en la Secretaría Social.
email-book-again = Si quieres, puedes pedir una cita nueva en la página web.

email-moved-subject = Cita cambiada en la Secretaría Social
email-moved-intro = Se ha cambiado tu cita en la Secretaría Social.
email-desk-moved-intro = Como acordaste con la oficina, hemos cambiado tu cita en la Secretaría Social.
email-desk-moved-link = Para cancelarla o cambiarla otra vez, usa este enlace personal nuevo (el anterior ya no funciona):

email-new-link-subject = El nuevo enlace para tu cita en la Secretaría Social
email-new-link-intro = Aquí tienes el nuevo enlace personal para ver, cambiar o cancelar tu cita del { $date }, a las { $time } (código { $code }):
email-new-link-old = El enlace anterior ya no funciona. Si no lo has pedido tú, puedes ignorar este correo.

email-office-cancelled-subject = Cita cancelada por la Secretaría Social
# { $why } is the office's reason as staff wrote it, in Italian: only the Italian text says it.
email-office-cancelled-intro = Lo sentimos: hemos tenido que cancelar tu cita del { $date }, a las { $time }, en la Secretaría Social ({ $office }).
email-office-cancelled-rebook = Puedes pedir una cita nueva aquí:

calendar-summary = Cita en la Secretaría Social
calendar-description = Código de la cita: { $code }. Lleva contigo un documento de identidad.
