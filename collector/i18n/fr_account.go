package i18n

// frAccount is the forced password change's and the administrators'
// password reset's part of the French catalogue, merged into fr at
// start-up.
var frAccount = map[string]string{
	"account.title":           "Choisissez votre mot de passe",
	"account.must_change":     "Votre mot de passe a été donné par un administrateur : choisissez le vôtre avant de continuer.",
	"account.current":         "Mot de passe qui vous a été donné",
	"account.not_same":        "Il doit différer de celui qui vous a été donné.",
	"account.same_password":   "Le nouveau mot de passe doit différer de celui qui vous a été donné.",
	"account.logout":          "Se déconnecter",
	"account.reset":           "Réinitialiser le mot de passe",
	"account.reset_done":      "Mot de passe de %s réinitialisé ; cette personne devra en choisir un nouveau à sa prochaine connexion.",
	"account.reset_temp":      "Mot de passe à usage unique, affiché seulement maintenant : donnez-le à la personne.",
	"account.reset_directory": "Le mot de passe de ce compte est vérifié par l'annuaire (LDAP) : il ne peut pas être réinitialisé ici.",
	"account.pending_change":  "doit changer son mot de passe",
}

func init() {
	for k, v := range frAccount {
		fr[k] = v
	}
}
