# A silo: the grains, with Redis membership and reminders and Blob Storage for grain state.
# Build from the repository root: docker build -f deploy/docker/Silo.Dockerfile -t broadcart/silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Silo/Broadcart.Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV Orleans__Membership=Redis \
    Orleans__ReminderStore=Redis \
    Orleans__StateStore=Blob \
    Orleans__SiloPort=11111 \
    Orleans__GatewayPort=30000
EXPOSE 11111 30000
USER app
ENTRYPOINT ["dotnet", "Broadcart.Silo.dll"]
