# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = Abierto ahora, hasta las { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = Cerrado hoy ({ $reason }).
opening-closed-now = Cerrado ahora.
opening-reopens = Próxima apertura: { $when }, a las { $time }
opening-none-soon = No está previsto abrir en los próximos tres meses
opening-today = hoy
opening-tomorrow = mañana
# Days with the same hours: "De lunes a jueves", "Lunes y martes".
hours-days-range = De { $first } a { $last }
hours-days-two = { $first } y { $last }
hours-two-windows = { $first } y { $second }

contacts-title = Contactos
contacts-loading = Cargando los datos de contacto…
contacts-lead = La Secretaría Social (Segretariato Sociale) atiende solo con cita. Para pedir una entrevista, llama por teléfono en el horario indicado. Para hacer una pregunta por escrito, usa el formulario:
contacts-phone = Teléfono
contacts-offices = Oficinas
contacts-organisation = Entidad
contacts-switchboard = Centralita:

topics-title = Temas
topics-lead = Los servicios agrupados por tema. Elige un tema para ver sus servicios.
topics-services = { $n ->
    [one] 1 servicio
   *[other] { $n } servicios
}

services-title = Servicios
services-lead = Aquí encuentras todos los servicios para familias con hijos menores de edad. Para casi todos, el primer paso es una entrevista con la Secretaría Social, con cita.
services-loading = Cargando los servicios…
services-search-label = Buscar entre los servicios
services-search = Buscar un servicio
services-search-hint = Por ejemplo: ayuda económica, acogimiento familiar, escuela.
services-category = Categoría
services-all-categories = Todas las categorías
services-topic = Tema
services-all-topics = Todos los temas
services-search-button = Buscar
services-show-all = Mostrar todos los servicios
services-none-found = Ningún servicio coincide con la búsqueda. Prueba con otras palabras o quita un filtro.
services-found = { $n ->
    [one] 1 servicio encontrado.
   *[other] { $n } servicios encontrados.
}
services-count = { $n ->
    [one] 1 servicio.
   *[other] { $n } servicios.
}
service-active = Servicio activo
service-topics = Temas
service-index = Índice de la página
service-for-whom = A quién va dirigido
service-how-to = Cómo solicitarlo
service-needed = Qué necesitas
service-obtained = Qué obtienes
service-times = Tiempos y plazos
service-conditions = Condiciones del servicio
service-access = Acceder al servicio
service-book-meeting = Pedir una cita con la Secretaría Social
service-read-conditions = Leer las condiciones del servicio: acceso, costes, derechos y compromisos
service-answers = Responde:
service-by-appointment = Atiende solo con cita:
updated-on = Última actualización: { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = Esta página todavía no está traducida al español: abajo tienes el texto en italiano.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = Puede que esta traducción no esté actualizada: el texto en italiano ha cambiado después.
read-in-italian = Lee esta página en italiano
# How a service is reached, under "service-access".
service-access-appointment = Para acceder a este servicio, primero tienes una entrevista con la Secretaría Social (Segretariato Sociale), con cita previa.
service-access-appointment-or-court = Para acceder a este servicio, primero tienes una entrevista con la Secretaría Social (Segretariato Sociale), con cita previa. El servicio también puede empezar por encargo de un juez (Autorità Giudiziaria).
service-access-court = Este servicio empieza por encargo de un juez (Autorità Giudiziaria): es el servicio quien contacta con la familia. Si tienes preguntas, puedes pedir una entrevista con la Secretaría Social (Segretariato Sociale).
