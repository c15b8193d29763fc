package i18n

// frAgents is the agents page's part of the French catalogue, merged into
// fr at start-up.
var frAgents = map[string]string{
	"agents.title":          "Agents",
	"agents.total":          "%d agents",
	"agents.late_count":     "%d en retard",
	"agents.search_hint":    "deviceid, nom d'hôte ou matériel",
	"agents.late_only":      "En retard seulement (sans contact depuis %s)",
	"agents.deviceid":       "Identifiant",
	"agents.hostname":       "Nom d'hôte",
	"agents.asset":          "Matériel",
	"agents.version":        "Version",
	"agents.enrolled_at":    "Inscrit le",
	"agents.last_contact":   "Dernier contact",
	"agents.last_inventory": "Dernier inventaire",
	"agents.status":         "État",
	"agents.refused":        "Rapports refusés",
	"agents.no_asset":       "aucun rapport encore",
	"agents.full":           "complet",
	"agents.partial":        "partiel",
	"agents.late":           "en retard",
	"agents.ok":             "à l'heure",
	"agents.revoke":         "Révoquer",
	"agents.empty":          "Aucun agent ne correspond.",
	"agents.enrol_title":    "Inscrire un ordinateur",
	"agents.enrol_help":     "Installez parc-agent sur l'ordinateur, puis lancez une fois en administrateur :",
	"agents.secret_admin":   "Un administrateur voit ici le secret d'inscription du site (ou l'affiche avec parc-collector enroll-secret).",
	"agents.revoke_title":   "Révoquer un agent",
	"agents.revoke_warning": "L'agent %s ne pourra plus envoyer de rapports, et son identifiant pourra s'inscrire à nouveau (un PC réinstallé). Son ordinateur reste dans le parc avec son inventaire et son historique.",
	"agents.revoke_confirm": "Révoquer l'agent",
}

func init() {
	for k, v := range frAgents {
		fr[k] = v
	}
}
