package i18n

// frApprovals is the ticket approvals' part of the French catalogue,
// merged into fr at start-up.
var frApprovals = map[string]string{
	"counter.approvals":           "Validations à donner",
	"approvals.title":             "Validations à donner",
	"approvals.none":              "Personne n'attend votre validation.",
	"approvals.asked_by":          "Demandée par",
	"approvals.asked_at":          "Demandée le",
	"approvals.ticket":            "Ticket",
	"approvals.panel":             "Validations",
	"approvals.global":            "État de la validation",
	"approvals.rule":              "Validations nécessaires : %d %%",
	"approvals.rule_any":          "Une réponse suffit",
	"approvals.approver":          "Valideur",
	"approvals.via_group":         "via %s",
	"approvals.status":            "Statut",
	"approvals.answered":          "Répondu le",
	"approvals.request_comment":   "Demande",
	"approvals.answer_comment":    "Réponse",
	"approvals.ask":               "Demander une validation",
	"approvals.users":             "Utilisateurs",
	"approvals.groups":            "Groupes (chaque membre est sollicité)",
	"approvals.min_percent":       "Pourcentage minimal de validations",
	"approvals.percent_0":         "0 % (une réponse suffit)",
	"approvals.percent_50":        "50 %",
	"approvals.percent_100":       "100 % (tout le monde)",
	"approvals.comment":           "Commentaire",
	"approvals.send":              "Envoyer la demande",
	"approvals.your_answer":       "Votre réponse",
	"approvals.accept":            "Valider",
	"approvals.refuse":            "Refuser",
	"approvals.refuse_comment":    "Commentaire (obligatoire pour refuser)",
	"approvals.err_targets":       "valideurs : choisissez au moins un utilisateur ou un groupe.",
	"approvals.err_percent":       "pourcentage minimal : choisissez 0, 50 ou 100.",
	"approvals.err_target":        "valideurs : un utilisateur ou groupe choisi n'existe pas, est désactivé ou n'a aucun membre actif.",
	"approvals.err_comment":       "commentaire : un refus doit être motivé.",
	"approvals.err_comment_long":  "commentaire : 2000 caractères au plus.",
	"approvals.err_answer":        "réponse : choisissez valider ou refuser.",
	"approvals.err_not_approver":  "Seul l'utilisateur sollicité peut répondre à cette validation.",
	"approvals.err_answered":      "Cette validation a déjà reçu une réponse, qui ne peut plus être changée.",
	"approvals.err_already_asked": "Tous les utilisateurs choisis doivent déjà répondre pour ce ticket.",
	"approvals.err_closed":        "Un ticket clos ne peut pas être soumis à validation.",
	"approvals.badge_2":           "Validation en attente",
	"approvals.badge_3":           "Validé",
	"approvals.badge_4":           "Validation refusée",
	"history.approval_request":    "Validation demandée",
	"history.approval_answer":     "Réponse de validation",
	"history.approval_global":     "État de la validation",
}

func init() {
	for k, v := range frApprovals {
		fr[k] = v
	}
}
