-- 0015: service-catalogue forms.

-- forms are the catalogue's forms. The definition (sections, questions,
-- target ticket) is JSON, read and checked by package forms: a form is
-- edited and versioned as a whole, and never queried inside. name_fr and
-- name_en copy its name for lists; position orders the catalogue.
CREATE TABLE forms (
    id         INTEGER PRIMARY KEY,
    name_fr    TEXT    NOT NULL DEFAULT '',
    name_en    TEXT    NOT NULL DEFAULT '',
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    position   INTEGER NOT NULL DEFAULT 0,
    definition TEXT    NOT NULL,
    created_at INTEGER  NOT NULL,
    updated_at INTEGER  NOT NULL
);
CREATE INDEX forms_position ON forms(active, position, id);

-- form_answers keeps a submission with the ticket it created: the form
-- (its names copied, so the ticket still says where it came from once the
-- form is deleted), who submitted it and the answers as JSON {key: [values]}.
CREATE TABLE form_answers (
    ticket_id    INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
    form_id      INTEGER REFERENCES forms(id) ON DELETE SET NULL,
    form_name_fr TEXT    NOT NULL DEFAULT '',
    form_name_en TEXT    NOT NULL DEFAULT '',
    user_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    answers      TEXT    NOT NULL,
    submitted_at INTEGER  NOT NULL
);
CREATE INDEX form_answers_form ON form_answers(form_id);

-- Every new site starts with two forms (a migration runs once per
-- database, even with several collectors): "Hardware request" and "New
-- arrival", the latter approved by the manager chosen in the form.
INSERT INTO forms (name_fr, name_en, active, position, definition, created_at, updated_at) VALUES
    ('Demande de matériel', 'Hardware request', TRUE, 1,
     '{"name":{"fr":"Demande de matériel","en":"Hardware request"},"description":{"fr":"Un ordinateur, un écran, une imprimante ou un téléphone : dites-nous ce qu''il vous faut.","en":"A computer, a screen, a printer or a phone: tell us what you need."},"icon":"laptop","color":"primary","sections":[{"title":{"fr":"Votre besoin","en":"What you need"},"questions":[{"key":"kind","type":"dropdown","label":{"fr":"Matériel demandé","en":"Equipment requested"},"mandatory":true,"choices":[{"value":"laptop","label":{"fr":"Ordinateur portable","en":"Laptop"}},{"value":"desktop","label":{"fr":"Ordinateur fixe","en":"Desktop computer"}},{"value":"screen","label":{"fr":"Écran","en":"Screen"}},{"value":"printer","label":{"fr":"Imprimante","en":"Printer"}},{"value":"phone","label":{"fr":"Téléphone","en":"Phone"}},{"value":"peripheral","label":{"fr":"Clavier, souris, casque","en":"Keyboard, mouse, headset"}},{"value":"other","label":{"fr":"Autre","en":"Other"}}]},{"key":"other_kind","type":"short_text","label":{"fr":"Précisez le matériel","en":"Which equipment?"},"mandatory":true,"show_if":{"question":"kind","op":"equals","value":"other"}},{"key":"quantity","type":"number","label":{"fr":"Quantité","en":"Quantity"},"mandatory":true,"regex":"^[1-9][0-9]?$","help":{"fr":"De 1 à 99.","en":"From 1 to 99."}},{"key":"replacement","type":"single","label":{"fr":"S''agit-il d''un remplacement ?","en":"Does it replace a device?"},"mandatory":true,"choices":[{"value":"no","label":{"fr":"Non, c''est un nouveau besoin","en":"No, it is a new need"}},{"value":"yes","label":{"fr":"Oui, il remplace un appareil","en":"Yes, it replaces a device"}}]},{"key":"device","type":"devices","label":{"fr":"Appareil à remplacer","en":"Device to replace"},"show_if":{"question":"replacement","op":"equals","value":"yes"}},{"key":"reason","type":"long_text","label":{"fr":"Pourquoi en avez-vous besoin ?","en":"Why do you need it?"},"mandatory":true},{"key":"needed_by","type":"date","label":{"fr":"Pour quand ?","en":"Needed by"},"help":{"fr":"Date souhaitée.","en":"The date you wish."}},{"key":"location","type":"location","label":{"fr":"Lieu de livraison","en":"Delivery place"}},{"key":"quote","type":"file","label":{"fr":"Devis ou document utile","en":"Quote or useful document"}}]}],"target":{"type":2,"urgency":3,"title":"Demande de matériel : {{q:kind}} x{{q:quantity}} ({{requester}})","approval":{}}}',
     CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
    ('Arrivée d''un nouvel agent', 'New arrival', TRUE, 2,
     '{"name":{"fr":"Arrivée d''un nouvel agent","en":"New arrival"},"description":{"fr":"Annoncez l''arrivée d''un agent : son poste, son matériel et ses comptes seront prêts le premier jour. Son responsable valide la demande.","en":"Announce a new colleague: their desk, equipment and accounts will be ready on day one. Their manager approves the request."},"icon":"person","color":"success","sections":[{"title":{"fr":"Identité","en":"Identity"},"questions":[{"key":"lastname","type":"short_text","label":{"fr":"Nom","en":"Last name"},"mandatory":true},{"key":"firstname","type":"short_text","label":{"fr":"Prénom","en":"First name"},"mandatory":true},{"key":"department","type":"dropdown","label":{"fr":"Service","en":"Department"},"mandatory":true,"choices":[{"value":"reception","label":{"fr":"Accueil et état civil","en":"Reception and registry office"}},{"value":"planning","label":{"fr":"Urbanisme","en":"Planning"}},{"value":"technical","label":{"fr":"Services techniques","en":"Technical services"}},{"value":"finance","label":{"fr":"Finances","en":"Finance"}},{"value":"hr","label":{"fr":"Ressources humaines","en":"Human resources"}},{"value":"school","label":{"fr":"Écoles et périscolaire","en":"Schools"}},{"value":"police","label":{"fr":"Police municipale","en":"Municipal police"}},{"value":"other","label":{"fr":"Autre","en":"Other"}}]},{"key":"job","type":"short_text","label":{"fr":"Fonction","en":"Job title"}},{"key":"start_date","type":"date","label":{"fr":"Date d''arrivée","en":"Start date"},"mandatory":true},{"key":"location","type":"location","label":{"fr":"Lieu de travail","en":"Workplace"}},{"key":"manager","type":"user","label":{"fr":"Responsable (valide la demande)","en":"Manager (approves the request)"},"mandatory":true}]},{"title":{"fr":"Matériel et comptes","en":"Equipment and accounts"},"questions":[{"key":"equipment","type":"multiple","label":{"fr":"Matériel nécessaire","en":"Equipment needed"},"choices":[{"value":"laptop","label":{"fr":"Ordinateur portable","en":"Laptop"}},{"value":"desktop","label":{"fr":"Ordinateur fixe","en":"Desktop computer"}},{"value":"screen","label":{"fr":"Écran","en":"Screen"}},{"value":"phone","label":{"fr":"Téléphone fixe","en":"Desk phone"}},{"value":"mobile","label":{"fr":"Téléphone mobile","en":"Mobile phone"}},{"value":"badge","label":{"fr":"Badge d''accès","en":"Access badge"}}]},{"key":"accounts","type":"multiple","label":{"fr":"Comptes nécessaires","en":"Accounts needed"},"choices":[{"value":"session","label":{"fr":"Session Windows","en":"Windows logon"}},{"value":"mail","label":{"fr":"Messagerie","en":"Email"}},{"value":"business","label":{"fr":"Logiciels métier","en":"Business software"}},{"value":"printing","label":{"fr":"Code d''impression","en":"Printing code"}}]},{"key":"business_software","type":"short_text","label":{"fr":"Quels logiciels métier ?","en":"Which business software?"},"show_if":{"question":"accounts","op":"equals","value":"business"}},{"key":"comments","type":"long_text","label":{"fr":"Remarques","en":"Comments"}}]}],"target":{"type":2,"urgency":3,"title":"Nouvel arrivant : {{q:lastname}} {{q:firstname}}","approval":{"kind":"question","question":"manager","min_percent":100}}}',
     CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000);
