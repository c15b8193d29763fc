package i18n

// frNetwork is the network devices' part of the French catalogue (ports
// des commutateurs, compteurs et consommables des imprimantes, matériels
// non gérés), merged into fr at start-up.
var frNetwork = map[string]string{
	"type.unmanaged": "Matériel non géré",

	"net.network":        "Réseau",
	"net.switch":         "Commutateur",
	"net.port":           "port",
	"net.vlan":           "VLAN",
	"net.import":         "Importer ce matériel",
	"net.import_help":    "Une découverte réseau a vu ce matériel sans pouvoir l'identifier. Importez-le comme le type de matériel qu'il est ; son historique est conservé et son prochain inventaire le mettra à jour.",
	"net.import_as":      "Importer comme",
	"net.import_invalid": "Seul un matériel non géré peut être importé, comme imprimante, matériel réseau, ordinateur, téléphone ou périphérique.",

	"net.printer":          "Imprimante",
	"net.low_count":        "%d consommables bas",
	"net.supplies":         "Consommables",
	"net.low_under":        "bas sous %d %%",
	"net.low":              "Bas",
	"net.counters":         "Compteurs de pages",
	"net.day":              "Jour",
	"net.c_total":          "Total",
	"net.c_black":          "Noir et blanc",
	"net.c_color":          "Couleur",
	"net.c_print":          "Imprimées (N&B/couleur)",
	"net.c_copy":           "Copiées (N&B/couleur)",
	"net.c_scan":           "Numérisées",
	"net.c_fax":            "Fax",
	"net.c_duplex":         "Recto-verso",
	"net.pages_per_month":  "Pages par mois",
	"net.month":            "Mois",
	"net.pages":            "Pages",
	"net.levels_over_time": "Niveaux des consommables dans le temps (%)",

	"net.ports":       "Ports",
	"net.vlans":       "VLAN",
	"net.status":      "État",
	"net.speed":       "Débit",
	"net.connected":   "Connecté",
	"net.disabled":    "Désactivé",
	"net.up":          "Actif",
	"net.down":        "Inactif",
	"net.trunk":       "Trunk",
	"net.aggregate":   "Agrégat",
	"net.uplink":      "Lien montant",
	"net.full_duplex": "full duplex",
	"net.half_duplex": "half duplex",
	"net.tagged":      "étiqueté",
	"net.neighbour":   "Voisin",
	"net.more_macs":   "et %d autres adresses MAC",

	"net.supplies_settings": "Consommables des imprimantes",
	"net.saved":             "Enregistré.",
	"net.threshold":         "Un consommable est bas sous (%)",
	"net.low_printers":      "%d imprimantes ont un consommable bas",
	"net.error_percent":     "Donnez le seuil en pourcentage entier, de 1 à 99.",
	"net.low_supplies_card": "imprimantes à court de consommables",
	"net.filter_low":        "Consommables bas seulement",
}

func init() {
	for k, v := range frNetwork {
		fr[k] = v
	}
}
