// Expression mode's presets: the lesson's snippets, as tests/golden/expressions/ has them (a test keeps them equal to
// those files, so the page's numbers are the reference's). The first is what an expression page opens with.
export const PRESETS = [
  {
    key: 'readme',
    title: "micrograd's README example",
    source: `# the example of micrograd's README
a = Value(-4.0)
b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
g.backward()
`,
  },
  {
    key: 'neuron',
    title: "the lecture's neuron (tanh)",
    source: `# one neuron with two inputs, as in the lecture
x1 = Value(2.0, label='x1')
x2 = Value(0.0, label='x2')
w1 = Value(-3.0, label='w1')
w2 = Value(1.0, label='w2')
b = Value(6.8813735870195432, label='b')
x1w1 = x1*w1; x1w1.label = 'x1*w1'
x2w2 = x2*w2; x2w2.label = 'x2*w2'
x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = 'x1*w1 + x2*w2'
n = x1w1x2w2 + b; n.label = 'n'
o = n.tanh(); o.label = 'o'
o.backward()
`,
  },
  {
    key: 'neuron_exp',
    title: 'the neuron, tanh written with exp',
    source: `# the same neuron, tanh written with exp
x1 = Value(2.0)
x2 = Value(0.0)
w1 = Value(-3.0)
w2 = Value(1.0)
b = Value(6.8813735870195432)
n = x1*w1 + x2*w2 + b
e = (2*n).exp()
o = (e - 1) / (e + 1)
o.backward()
`,
  },
  {
    key: 'softmax',
    title: 'softmax and cross-entropy',
    source: `# cross-entropy of three logits for class 2
l0 = Value(1.5)
l1 = Value(-0.25)
l2 = Value(0.75)
m = 1.5
e0 = (l0 - m).exp()
e1 = (l1 - m).exp()
e2 = (l2 - m).exp()
s = e0 + e1 + e2
p2 = e2 / s
loss = -p2.log()
loss.backward()
`,
  },
];
