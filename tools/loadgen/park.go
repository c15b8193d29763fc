package main

// Park is the simulated town hall's park: machines 0..n-1 of a seed.
type Park struct {
	cat  *catalogue
	seed uint64
	plan []slot
}

// NewPark plans a park of n machines; the same seed always gives the same
// machines, and a larger n the same first machines plus new ones.
func NewPark(seed uint64, n int) (*Park, error) {
	cat, err := loadCatalogue()
	if err != nil {
		return nil, err
	}
	return &Park{cat: cat, seed: seed, plan: planPark(seed, n)}, nil
}

// Len is the number of machines.
func (p *Park) Len() int { return len(p.plan) }

// Machine builds machine i (0 <= i < Len) in its first state.
func (p *Park) Machine(i int) *Machine {
	return newMachine(p.cat, p.seed, i, p.plan[i])
}
