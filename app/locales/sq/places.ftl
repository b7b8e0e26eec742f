# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = Hapur tani, deri në orën { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = Mbyllur sot ({ $reason }).
opening-closed-now = Mbyllur tani.
opening-reopens = Hapet përsëri { $when } në orën { $time }
opening-none-soon = Nuk është planifikuar asnjë ditë e hapur në tre muajt e ardhshëm
opening-today = sot
opening-tomorrow = nesër
# Days with the same hours: "From Monday to Thursday", "Monday and Tuesday".
hours-days-range = Nga { $first } deri { $last }
hours-days-two = { $first } dhe { $last }
hours-two-windows = { $first } dhe { $second }

contacts-title = Kontaktet
contacts-loading = Duke ngarkuar kontaktet…
contacts-lead = Sekretariati Social (Segretariato Sociale) pret vetëm me takim. Për të kërkuar një takim, telefono në oraret që sheh këtu. Për një pyetje me shkrim, përdor formularin:
contacts-phone = Telefoni
contacts-offices = Zyrat
contacts-organisation = Institucioni
contacts-switchboard = Centrali telefonik:

topics-title = Temat
topics-lead = Shërbimet të ndara sipas temave. Zgjidh një temë për të parë shërbimet që lidhen me të.
topics-services = { $n ->
    [one] 1 shërbim
   *[other] { $n } shërbime
}

services-title = Shërbimet
services-lead = Këtu gjen të gjitha shërbimet për familjet me fëmijë të mitur. Për pothuajse të gjitha, hapi i parë është një takim me Sekretariatin Social (Segretariato Sociale), me rezervim.
services-loading = Duke ngarkuar shërbimet…
services-search-label = Kërko mes shërbimeve
services-search = Kërko një shërbim
services-search-hint = Për shembull: ndihmë ekonomike, familje kujdestare, shkollë.
services-category = Kategoria
services-all-categories = Të gjitha kategoritë
services-topic = Tema
services-all-topics = Të gjitha temat
services-search-button = Kërko
services-show-all = Shiko të gjitha shërbimet
services-none-found = Asnjë shërbim nuk përputhet me kërkimin. Provo me fjalë të tjera ose hiq një filtër.
services-found = { $n ->
    [one] U gjet 1 shërbim.
   *[other] U gjetën { $n } shërbime.
}
services-count = { $n ->
    [one] 1 shërbim.
   *[other] { $n } shërbime.
}
service-active = Shërbim aktiv
service-topics = Temat
service-index = Përmbajtja e faqes
service-for-whom = Për kë është
service-how-to = Si të aplikosh
service-needed = Çfarë të duhet
service-obtained = Çfarë merr
service-times = Kohët dhe afatet
service-conditions = Kushtet e shërbimit
service-access = Si ta marrësh shërbimin
service-book-meeting = Rezervo një takim me Sekretariatin Social
service-read-conditions = Lexo kushtet e shërbimit: si ta marrësh, kostot, të drejtat dhe detyrimet
service-answers = Përgjegjës:
service-by-appointment = Pret vetëm me takim:
updated-on = Përditësimi i fundit: { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = Kjo faqe nuk është përkthyer ende në shqip: më poshtë gjen tekstin në italisht.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = Ky përkthim mund të mos jetë i përditësuar: teksti në italisht ka ndryshuar pas përkthimit.
read-in-italian = Lexo këtë faqe në italisht
# How a service is reached, under "service-access".
service-access-appointment = Për të marrë këtë shërbim, fillimisht bën një takim me Sekretariatin Social (Segretariato Sociale), me rezervim.
service-access-appointment-or-court = Për të marrë këtë shërbim, fillimisht bën një takim me Sekretariatin Social (Segretariato Sociale), me rezervim. Shërbimi mund të fillojë edhe me kërkesë të gjykatës (Autorità Giudiziaria).
service-access-court = Ky shërbim fillon me kërkesë të gjykatës (Autorità Giudiziaria): është shërbimi që kontakton familjen. Nëse ke pyetje, mund të kërkosh një takim me Sekretariatin Social (Segretariato Sociale).
