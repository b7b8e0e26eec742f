# "Ask for help", its answer, and the page for an address that leads nowhere.

assistance-title = Kërko ndihmë
assistance-title-error = Gabim: kërko ndihmë
assistance-lead = Nuk gjen një informacion apo ke një problem me faqen e internetit? Na shkruaj: të përgjigjemi me email, zakonisht brenda dy ditëve të punës.
assistance-not-emergency = Ky formular nuk është për urgjencat.
assistance-call-112 = Nëse ti ose një fëmijë jeni në rrezik, telefono menjëherë 112.
assistance-email-hint = Do të të përgjigjemi në këtë adresë.
assistance-topic = Tema
assistance-message = Mesazhi
assistance-message-hint = Jo më shumë se 1000 karaktere. Mos shkruaj të dhëna për shëndetin ose gjëra personale delikate: për to do të flasësh ballë për ballë me punonjësin social.
assistance-privacy = Kam lexuar njoftimin për përpunimin e të dhënave personale: të dhënat e këtij formulari përdoren vetëm për t'iu përgjigjur kërkesës.
assistance-send = Dërgo kërkesën
assistance-topic-servizi = Informacione për shërbimet
assistance-topic-appuntamento = Takimet me Sekretariatin Social
assistance-topic-sito = Probleme me përdorimin e faqes
assistance-topic-disservizio = Njofto një problem me shërbimin
assistance-topic-altro = Diçka tjetër
assistance-choose-topic = Zgjidh temën e kërkesës.
assistance-write-message = Shkruaj mesazhin.
assistance-message-too-long = Mesazhi është shumë i gjatë: jo më shumë se { $max } karaktere, ke shkruar { $length }.
assistance-privacy-needed = Për të dërguar kërkesën, konfirmo që ke lexuar njoftimin për privatësinë.
assistance-sent-title = Kërkesa u dërgua
assistance-sent = E morëm mesazhin tënd. Do të të përgjigjemi në adresën email që dhe.
assistance-sent-book = Nëse duhet të flasësh me një punonjës social, mund të rezervosh edhe një takim me Sekretariatin Social.

not-found-title = Faqja nuk u gjet
not-found = Adresa që hape nuk përputhet me asnjë faqe. Ndoshta është shkruar gabim, ose faqja është zhvendosur.
not-found-home = Shko te faqja kryesore
not-found-write = Na shkruaj nëse nuk gjen atë që kërkon
