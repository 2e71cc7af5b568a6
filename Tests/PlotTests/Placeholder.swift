// Placeholder: this target's tests arrive with its module.
