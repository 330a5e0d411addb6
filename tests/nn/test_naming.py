"""The names a bank file is checked against without SymPy are the names the network and optimizers use."""

from symnn.nn.naming import (
    ACTIVATION_NAMES,
    LOOKAHEAD_OPTIMIZERS,
    LOSS_NAMES,
    OPTIMIZER_NAMES,
    OUTPUT_NAMES,
    SCORE_LOSS_NAMES,
    neuron_names,
    parameter_names,
)
from symnn.nn.network import ACTIVATIONS, LOSSES, OUTPUTS, SCORE_LOSSES, Network
from symnn.nn.optimizers import OPTIMIZERS


def test_the_name_tables_are_the_tables_of_the_network_and_optimizers():
    assert set(ACTIVATION_NAMES) == set(ACTIVATIONS)
    assert set(LOSS_NAMES) == set(LOSSES)
    assert set(OUTPUT_NAMES) == set(OUTPUTS)
    assert set(OPTIMIZER_NAMES) == set(OPTIMIZERS)
    assert set(LOOKAHEAD_OPTIMIZERS) == {name for name, o in OPTIMIZERS.items() if o.lookahead is not None}
    assert set(SCORE_LOSS_NAMES) == set(SCORE_LOSSES)


def test_neurons_and_parameters_are_named_as_the_network_names_them():
    for sizes in ([2, 1], [2, 2, 1], [2, 2, 2], [3, 4, 2, 1]):
        network = Network(sizes)
        assert neuron_names(sizes) == {str(n.name) for n in network.neurons()}
        assert parameter_names(sizes) == {str(p) for p in network.parameters()}


def test_the_losses_of_a_table_are_the_losses_that_can_be_computed():
    from symnn.nn.losses import NAMES
    from symnn.nn.naming import DATA_LOSS_NAMES
    assert set(DATA_LOSS_NAMES) == set(NAMES)
