package i18n

// frAdmin is the administration's part of the French catalogue, merged
// into fr at start-up.
var frAdmin = map[string]string{
	"admin.title":                 "Administration",
	"admin.saved":                 "Enregistré.",
	"admin.helpdesk_settings":     "Réglages de l'assistance",
	"admin.autoclose_days":        "Clore les tickets résolus après (jours)",
	"admin.autoclose_help":        "Un ticket résolu dont le demandeur n'approuve ni ne refuse la solution est clos après ce nombre de jours. 0 : jamais.",
	"admin.max_upload_mb":         "Taille maximale d'une pièce jointe (Mio)",
	"admin.max_upload_help":       "De 1 à %d Mio.",
	"admin.bad_autoclose":         "Le délai doit être un nombre entier de jours, de 0 (jamais) à %d.",
	"admin.bad_upload":            "La limite des pièces jointes doit être un nombre entier de Mio, de 1 à %d.",
	"admin.matrix":                "Matrice de priorité",
	"admin.matrix_default":        "par défaut",
	"admin.matrix_help":           "La priorité d'un ticket selon son urgence (lignes) et son impact (colonnes). Les nouveaux tickets et les modifications l'utilisent ; les tickets existants gardent leur priorité.",
	"admin.matrix_reset":          "Revenir à la matrice par défaut",
	"admin.bad_matrix":            "Chaque case de la matrice demande une priorité de 1 à %d.",
	"admin.groups":                "Groupes",
	"admin.new_group":             "Nouveau groupe",
	"admin.name":                  "Nom",
	"admin.comment":               "Commentaire",
	"admin.assignable":            "Peut se voir attribuer des tickets",
	"admin.members":               "Membres",
	"admin.add_member":            "Ajouter un membre",
	"admin.remove_member":         "Retirer",
	"admin.member_exists":         "Cette personne est déjà membre du groupe.",
	"admin.group_exists":          "Un groupe porte déjà ce nom.",
	"admin.bad_name":              "Donnez un nom d'au plus %d caractères.",
	"admin.delete":                "Supprimer",
	"admin.categories":            "Catégories",
	"admin.new_category":          "Nouvelle catégorie",
	"admin.default_group":         "Groupe par défaut",
	"admin.active":                "Active",
	"admin.bad_category_name":     "Donnez un nom d'au plus %d caractères, sans « > ».",
	"admin.category_cycle":        "Une catégorie ne peut pas être placée dans elle-même ni dans l'une de ses sous-catégories.",
	"admin.category_has_children": "Cette catégorie a des sous-catégories : supprimez-les ou déplacez-les d'abord.",
	"admin.users":                 "Utilisateurs",
	"admin.login":                 "Identifiant",
	"admin.email":                 "Courriel",
	"admin.role":                  "Rôle",
	"admin.location":              "Lieu",
	"admin.disabled":              "Désactivé",
	"admin.password":              "Mot de passe temporaire",
	"admin.password_blank":        "laisser vide pour en générer un",
	"admin.create_user":           "Créer le compte",
	"admin.user_created":          "Compte %s créé.",
	"admin.temp_password":         "Mot de passe temporaire, affiché une seule fois : remettez-le à la personne, qui le changera depuis sa page de profil.",
	"admin.user_exists":           "Un compte porte déjà cet identifiant.",
	"admin.bad_login":             "Un identifiant compte de 1 à 64 lettres, chiffres, points, tirets, soulignés ou @, et commence par une lettre ou un chiffre.",
	"admin.bad_role":              "Choisissez l'un des rôles.",
	"admin.bad_password":          "Un mot de passe compte au moins %d caractères.",
	"admin.self_demote":           "Vous ne pouvez ni désactiver votre propre compte ni vous retirer le rôle d'administrateur.",
	"admin.users_hidden":          "%d autres comptes correspondent : cherchez par identifiant ou par nom pour les trouver.",
	"admin.no_such_login":         "Aucun compte ne porte cet identifiant.",
}

func init() {
	for k, v := range frAdmin {
		fr[k] = v
	}
}
