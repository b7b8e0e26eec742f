# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = Pedir una cita
booking-lead = El primer paso es una entrevista con la Secretaría Social (Segretariato Sociale). Es gratuita y dura una media hora. Elige la oficina, el día y la hora que prefieras.
booking-steps-label = Pasos para pedir la cita
booking-step = Paso
booking-step-done = (hecho)
booking-step-office = Oficina
booking-step-topic = Tema
booking-step-time = Día y hora
booking-step-details = Tus datos
booking-step-summary = Resumen
booking-change-office = Cambiar de oficina
booking-change-topic = Cambiar de tema
booking-change-time = Cambiar el día o la hora
booking-when = { $date }, de { $starts } a { $ends }
booking-time-range = de { $starts } a { $ends }
booking-next = Siguiente
booking-office-title = Pedir una cita: elige la oficina
booking-office-question = ¿Dónde quieres tener la entrevista?
booking-topic-title = Pedir una cita: elige el tema
booking-topic-question = ¿De qué quieres hablar?
booking-topic-hint = Solo sirve para preparar la entrevista. Si no sabes qué elegir, puedes marcar la última opción.
booking-day-title = Pedir una cita: elige el día
booking-time-title = Pedir una cita: elige la hora
booking-free-times-of = Horas libres del { $date }
booking-seats = { $n ->
    [one] 1 plaza libre
   *[other] { $n } plazas libres
}
booking-other-day = Elegir otro día
booking-slot-gone = La hora que habías elegido ya no está libre. Elige otra.
booking-day-full = El día que habías elegido ya no tiene plazas libres. Elige otro.

calendar-choose-day = Elige el día
calendar-help = Puedes hacer clic en los días que tienen al menos una hora libre.
calendar-days-of = Días de { $month }
calendar-free-times = { $n ->
    [one] 1 hora libre
   *[other] { $n } horas libres
}
calendar-no-free-time = ninguna hora libre
calendar-month-full = Este mes ya no quedan horas libres. Mira el mes siguiente o llama por teléfono a la Secretaría Social.

details-title = Pedir una cita: tus datos
details-title-error = Error: pedir una cita, tus datos
details-heading = Tus datos
details-lead = Solo te pedimos lo necesario para la entrevista.
details-given-name = Nombre
details-family-name = Apellidos
details-email = Correo electrónico
details-email-hint = Te enviaremos aquí la confirmación. Si no tienes correo electrónico, escribe por lo menos tu teléfono.
details-phone = Teléfono
details-cf = Código fiscal (codice fiscale)
details-cf-hint = No es obligatorio. Ayuda a la oficina a encontrar un expediente que ya tengas.
details-language = ¿En qué idioma prefieres hablar?
details-interpreter = Necesito un intérprete o un mediador cultural
details-accessibility = Necesidades de accesibilidad
details-accessibility-hint = Por ejemplo: llego en silla de ruedas, necesito un intérprete de lengua de signos.
details-about = De qué quieres hablar
details-about-hint = Como máximo 200 caracteres. No escribas datos de salud ni asuntos personales delicados: hablarás de ellos en persona en la entrevista.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = He leído el 
details-privacy-link = aviso de privacidad
details-privacy-after = : mis datos se usan solo para esta cita.
details-continue = Continuar
details-need-contact = Escribe un correo electrónico o un número de teléfono: los necesitamos para confirmar la cita.
details-choose-language = Elige un idioma de la lista.
details-accessibility-too-long = El texto sobre las necesidades de accesibilidad es demasiado largo: como máximo { $max } caracteres, has escrito { $length }.
details-about-too-long = El texto sobre el tema de la entrevista es demasiado largo: como máximo { $max } caracteres, has escrito { $length }.
details-privacy-needed = Para pedir la cita, confirma que has leído el aviso de privacidad.

# The languages of the interview, as "¿En qué idioma prefieres hablar?" lists them.
interview-language-it = Italiano
interview-language-en = Inglés
interview-language-fr = Francés
interview-language-es = Español
interview-language-ar = Árabe
interview-language-zh = Chino
interview-language-ro = Rumano
interview-language-sq = Albanés
interview-language-uk = Ucraniano
interview-language-altra = Otro idioma

summary-crumb = Resumen
summary-heading = Revisa y confirma
summary-title = Pedir una cita: resumen
summary-taken-title = Error: la hora elegida ya no está libre
summary-name = Nombre y apellidos
summary-email-none = no indicado
summary-phone-none = no indicado
summary-language = Idioma
summary-interpreter = Intérprete
summary-interpreter-yes = sí, hace falta un intérprete o un mediador
summary-accessibility = Accesibilidad
summary-check = Revisa tus datos. Si algo no está bien, vuelve atrás con el botón del navegador y corrígelo.
summary-confirm = Confirmar la cita
summary-gone-heading = La hora ya no está disponible
summary-no-alternatives = No hay otras horas libres cerca de la que habías elegido. Llama a la Secretaría Social ({ $phone }) o elige otro día.
summary-alternatives = Las horas libres más cercanas a la que habías elegido:
summary-choose-this = Elegir esta hora
summary-already-title = Cita ya confirmada
summary-already = Esta cita ya está confirmada con el código { $code }.
summary-see-confirmation = Ver la confirmación
draft-gone-title = Solicitud caducada
draft-gone = Esta solicitud de cita ha caducado o ya no existe. No se ha registrado ninguna cita.
draft-restart = Volver a pedir la cita

confirmed-title = Cita confirmada
confirmed-not-found = Cita no encontrada
confirmed-code-intro = Tu cita está registrada. El código de la cita es:
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = Código { $spelled }
confirmed-email = Si diste un correo electrónico, te hemos enviado la confirmación con el enlace para cancelar o cambiar la cita. De todas formas, apunta el código: lo necesitarás si tienes que llamar a la oficina.
add-to-calendar = Añadir al calendario
confirmed-next = Qué pasa ahora
confirmed-bring-id = Lleva contigo un documento de identidad. La entrevista es gratuita.
confirmed-cannot-come = Si no puedes venir, cancela o cambia la cita con el enlace del correo, o avisa a la oficina llamando al { $phone }.
confirmed-lost-email = ¿Has perdido el correo?
ask-new-link = Pedir un enlace nuevo
back-home = Volver a la página de inicio

manage-heading = Tu cita
manage-bad-link-title = Enlace no válido
manage-bad-link = El enlace no es válido o ya no funciona. Si has pedido uno nuevo, usa el del último correo.
manage-cancelled-said = Cita cancelada. Si tienes correo electrónico, te hemos enviado la confirmación.
manage-moved-said = Cita cambiada. Si tienes correo electrónico, te hemos enviado la confirmación.
manage-cancelled-title = Cita cancelada
manage-is-cancelled = Esta cita está cancelada.
book-new = Pedir una cita nueva
manage-too-late = Faltan menos de { $hours } horas para la cita: para cancelarla o cambiarla, llama al { $phone }.
manage-code = Código
manage-when = Cuándo
manage-where = Dónde
manage-name = A nombre de
manage-move = Cambiar la cita
manage-keep = Dejar la cita como está
manage-cancel = Cancelar la cita
manage-day-full = Este día ya no quedan horas libres.
manage-move-here = Cambiar a esta hora

new-link-title = ¿Has perdido el enlace?
new-link-lead = Escribe el código de la cita y el correo o el teléfono que diste al pedirla. Te enviaremos por correo un enlace nuevo para ver, cambiar o cancelar la cita.
new-link-sent = Si el código y el correo o el teléfono corresponden a una cita programada, te hemos enviado un correo con el enlace nuevo. El enlace anterior ya no funciona.
new-link-code = Código de la cita
new-link-code-hint = 8 caracteres, por ejemplo K7MP3XQ9.
new-link-contact = Correo electrónico o teléfono
new-link-send = Enviarme un enlace nuevo

# What a form says when the booking cannot go on.
error-slot-taken = La hora que habías elegido ya no está disponible: otra persona la reservó antes que tú. Elige una de las horas libres de abajo. Tus datos se quedan como los escribiste.
error-draft-expired = La solicitud de cita ha caducado o no existe. Vuelve a empezar eligiendo la oficina: es solo un minuto.
error-choose-listed = Elige una de las horas libres de la lista.
error-just-taken = Otra persona acaba de reservar esta hora. Elige otra.
error-booking-failed = No se ha podido registrar la cita. Inténtalo de nuevo dentro de un momento.
error-too-late-cancel = Faltan menos de { $hours } horas para la cita: ya no puedes cancelarla en línea. Llama al { $phone }.
error-too-late-move = Faltan menos de { $hours } horas para la cita: ya no puedes cambiarla en línea. Llama al { $phone }.
error-link-gone = El enlace no es válido o ha caducado. Si has perdido el enlace, pide uno nuevo.
error-code-shape = Escribe el código de la cita: 8 caracteres, letras y números.
error-contact-missing = Escribe el correo electrónico o el número de teléfono que diste al pedir la cita.
error-too-many = Con este correo electrónico o número de teléfono ya tienes el máximo de citas programadas: { $max }. Para pedir otra, primero cancela una de ellas o llama a la Secretaría Social ({ $phone }).
