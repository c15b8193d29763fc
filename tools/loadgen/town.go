package main

import "fmt"

// The fictional town hall: Mairie de Saint-Aubin-sur-Loire, its services,
// how many PCs each has, and its staff. Names follow the convention French
// town halls use: PC-<SERVICE>-<NNN> for desktops, LAPTOP-<SERVICE>-<NNN>
// for laptops.

const (
	townName   = "Mairie de Saint-Aubin-sur-Loire"
	townDomain = "MAIRIE"
	townDNS    = "mairie-staubin.local"
)

// service is one department of the town hall.
type service struct {
	Code   string // in host names, e.g. "URBA"
	Weight int    // share of the PCs
	Laptop int    // percent of its PCs that are laptops
	Linux  int    // percent of its PCs running Debian
	Subnet int    // third byte of its IPv4 subnet
}

var services = []service{
	{"ACCUEIL", 8, 10, 0, 10},
	{"ETATCIVIL", 6, 5, 0, 11},
	{"URBA", 6, 30, 5, 12},
	{"DGS", 3, 80, 0, 13},
	{"RH", 5, 30, 0, 14},
	{"COMPTA", 6, 20, 0, 15},
	{"CCAS", 6, 30, 0, 16},
	{"ST", 8, 30, 10, 17}, // services techniques
	{"POLICE", 5, 40, 0, 18},
	{"CULTURE", 7, 10, 30, 19}, // médiathèque public PCs
	{"SCOLAIRE", 8, 20, 10, 20},
	{"COM", 3, 60, 0, 21},
	{"INFO", 3, 70, 40, 22},
	{"ELUS", 4, 90, 0, 23},
	{"SPORT", 3, 30, 0, 24},
}

var (
	firstNames = []string{"Camille", "Nicolas", "Sophie", "Julien", "Nathalie", "Thomas", "Isabelle", "Pierre",
		"Céline", "Laurent", "Émilie", "Sébastien", "Sandrine", "David", "Aurélie", "François", "Valérie",
		"Mathieu", "Christine", "Olivier", "Hélène", "Stéphane", "Claire", "Éric", "Anne", "Jérôme", "Marie",
		"Philippe", "Julie", "Guillaume", "Patricia", "Antoine", "Chloé", "Benoît", "Léa", "Hugo"}
	lastNames = []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
		"Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
		"Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet",
		"François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry"}
)

// slot is a machine's place in the park: its service, kind and number.
type slot struct {
	Service int // index in services
	Laptop  bool
	Number  int // 1-based, per host name prefix and service
}

// Host is the machine's host name, e.g. "PC-ACCUEIL-012".
func (s slot) Host() string {
	prefix := "PC"
	if s.Laptop {
		prefix = "LAPTOP"
	}
	return fmt.Sprintf("%s-%s-%03d", prefix, services[s.Service].Code, s.Number)
}

// planPark assigns machines 0..n-1 to services and numbers them, the
// same way for a given seed whatever n is: machine i's slot depends only
// on the seed and the machines before it.
func planPark(seed uint64, n int) []slot {
	total := 0
	for _, s := range services {
		total += s.Weight
	}
	counts := map[[2]int]int{}
	out := make([]slot, n)
	for i := range out {
		r := machineRand(seed, i, 0)
		w := r.IntN(total)
		svc := 0
		for w >= services[svc].Weight {
			w -= services[svc].Weight
			svc++
		}
		laptop := r.IntN(100) < services[svc].Laptop
		key := [2]int{svc, 0}
		if laptop {
			key[1] = 1
		}
		counts[key]++
		out[i] = slot{Service: svc, Laptop: laptop, Number: counts[key]}
	}
	return out
}
