# comments, semicolons, continuation lines
a = Value(1.0); b = Value(2.0)  # two
c = (a +
     b) * \
    2
d = (
  c
  .tanh()
)
