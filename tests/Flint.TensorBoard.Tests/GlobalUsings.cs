global using Xunit;
global using Flint;
