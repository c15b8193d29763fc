package i18n

// frNotify is the French of ticket email (notifications and the
// profile's opt-out), merged into fr at start-up.
var frNotify = map[string]string{
	"notify.hello":            "Bonjour %s,",
	"notify.system":           "Parc",
	"notify.created":          "%s a ouvert le ticket n° %d.",
	"notify.followup":         "%s a ajouté un suivi au ticket n° %d :",
	"notify.assigned":         "%s a attribué le ticket n° %d.",
	"notify.status":           "%s a changé le statut du ticket n° %d de « %s » à « %s ».",
	"notify.solved":           "%s a proposé une solution au ticket n° %d. Merci de l'accepter ou de la refuser sur la page du ticket :",
	"notify.approval_request": "%s vous demande de valider le ticket n° %d.",
	"notify.approval_yes":     "%s a validé le ticket n° %d.",
	"notify.approval_no":      "%s a refusé le ticket n° %d :",
	"notify.title":            "Titre",
	"notify.status_label":     "Statut",
	"notify.view":             "Voir le ticket",
	"notify.reply":            "Répondez à ce courriel pour ajouter un suivi au ticket.",
	"notify.footer":           "Vous recevez ce courriel car vous participez à ce ticket. Vous pouvez arrêter ces courriels dans votre profil Parc.",

	"profile.notify_mail": "M'écrire quand mes tickets changent",
}

func init() {
	for k, v := range frNotify {
		fr[k] = v
	}
}
