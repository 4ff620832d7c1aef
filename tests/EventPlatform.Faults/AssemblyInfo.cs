// Each scenario runs a real app process and many parallel buyers against it: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
