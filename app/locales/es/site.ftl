skip-to-content = Ir al contenido principal
site-tagline = Servicios sociales para familias con hijos menores
nav-label = Menú principal
nav-home = Inicio
nav-services = Servicios
nav-topics = Temas
nav-assistance = Pedir ayuda
language-switcher = Idioma
language-offer = Esta página también está en español.
language-offer-link = Leerla en español

emergency-label = Números de emergencia
emergency-danger = Si hay un peligro inmediato, llama al
emergency-children = Para niños y jóvenes con problemas:
emergency-children-line = 114 Emergencia Infancia
emergency-violence = Contra la violencia y el acoso:
full-stop = .
emergency-not-a-channel = Pedir una cita no sirve para recibir ayuda en una emergencia.

footer-tagline = La ventanilla de los servicios sociales para las familias
footer-about = Sportello es la entrada en línea a la Secretaría Social (Segretariato Sociale). Tus datos se usan solo para responder a tus solicitudes.
footer-contacts = Contactos
footer-report = Informar de un problema
footer-privacy = Aviso de privacidad
footer-accessibility = Declaración de accesibilidad
footer-legal = Aviso legal
footer-faq = Preguntas frecuentes
breadcrumb-label = Estás aquí
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = La página o el elemento que buscas ya no existe o nunca ha existido.
error-forbidden = No tienes permiso para hacer esta operación.
error-unavailable = El servicio no está disponible en este momento. Vuelve a intentarlo dentro de unos minutos; si el problema continúa, da este código a la oficina: { $code }.
error-internal = Un problema técnico ha impedido completar tu solicitud. Vuelve a intentarlo más tarde; si el problema continúa, da este código a la oficina: { $code }.
error-form-incomplete = El formulario ha llegado incompleto. Revisa tus datos y envíalo de nuevo.
