package i18n

// frLicences is the French of the licence form's software search, merged
// into fr at start-up.
var frLicences = map[string]string{
	"licence.software_search": "Chercher un logiciel par nom ou éditeur",
	"licence.software_find":   "Chercher",
	"licence.software_count":  "%d logiciels au choix.",
	"licence.software_more":   "Les %d premiers logiciels sur %d : cherchez pour réduire le choix.",
}

func init() {
	for k, v := range frLicences {
		fr[k] = v
	}
}
