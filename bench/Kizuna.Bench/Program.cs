Console.WriteLine("Kizuna benchmarks");
